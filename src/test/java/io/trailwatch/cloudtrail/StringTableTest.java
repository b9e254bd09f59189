package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringTableTest {

    @Test
    void aValueSeenAgainIsHeldAndSharedFromThenOnKeepingItsText() {
        StringTable table = new StringTable();
        char[] text = "xxTerminateInstancesyy".toCharArray();

        String first = table.canonical(text, 2, 18);
        String second = table.canonical("TerminateInstances".toCharArray(), 0, 18);
        String third = table.canonical(text, 2, 18);

        assertEquals("TerminateInstances", first);
        assertEquals(first, second);
        assertNotSame(first, second, "a first sighting is not held");
        assertSame(second, third);
        assertEquals("Terminate", table.canonical(text, 2, 9));
    }

    @Test
    void valuesSeenOnceDoNotEvictTheValuesThatRecur() {
        StringTable table = new StringTable();
        List<String> recurring = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String v = "arn:aws:iam::123456789012:user/user-" + i;
            table.canonical(v.toCharArray(), 0, v.length());
            recurring.add(table.canonical(v.toCharArray(), 0, v.length()));
        }
        // Recurring values that share a slot displace one another; those are not the point here.
        recurring.removeIf(v -> table.canonical(v.toCharArray(), 0, v.length()) != v);
        assertTrue(recurring.size() > 900, "held: " + recurring.size());

        for (int i = 0; i < StringTable.SLOTS * 4; i++) {
            String once = "i-" + Integer.toHexString(0x10000000 + i * 7919);
            table.canonical(once.toCharArray(), 0, once.length());
        }

        for (String v : recurring) {
            assertSame(v, table.canonical(v.toCharArray(), 0, v.length()), v);
        }
    }

    @Test
    void longValuesAreNotHeldAndEveryValueKeepsItsTextWhenSlotsCollide() {
        StringTable table = new StringTable();
        char[] longText = "a".repeat(StringTable.MAX_LENGTH + 1).toCharArray();
        assertNotSame(table.canonical(longText, 0, longText.length), table.canonical(longText, 0, longText.length));

        List<String> values = new ArrayList<>();
        for (int i = 0; i < StringTable.SLOTS * 4; i++) {
            values.add("value-" + i);
        }
        for (String v : values) {
            assertEquals(v, table.canonical(v.toCharArray(), 0, v.length()));
        }
        for (String v : values) {
            assertEquals(v, table.canonical(v.toCharArray(), 0, v.length()));
        }
    }

    @Test
    void readsTheParsersCurrentStringNumberAndEscapedText() throws Exception {
        StringTable table = new StringTable();
        List<String> read = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser("[\"eu-west-1\", 42, \"a\\\"b\", \"eu-west-1\"]")) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isScalarValue()) {
                    read.add(table.text(p));
                }
            }
        }
        assertEquals(List.of("eu-west-1", "42", "a\"b", "eu-west-1"), read);
    }
}
