package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringTableTest {

    @Test
    void repeatedValuesShareOneInstanceAndKeepTheirText() {
        StringTable table = new StringTable();
        char[] text = "xxTerminateInstancesyy".toCharArray();

        String first = table.canonical(text, 2, 18);
        String again = table.canonical("TerminateInstances".toCharArray(), 0, 18);

        assertEquals("TerminateInstances", first);
        assertSame(first, again);
        assertEquals("Terminate", table.canonical(text, 2, 9));
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
        assertSame(read.get(0), read.get(3));
    }
}
