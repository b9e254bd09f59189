package io.trailwatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventIdWindowTest {

    @Test
    void dropsARepeatedIdUntilItIsReleasedAndOldEnough() {
        EventIdWindow window = new EventIdWindow();
        assertTrue(window.add("a"));
        assertFalse(window.add(new String("a")));

        window.forgetReleasedBefore(Long.MAX_VALUE);
        assertFalse(window.add("a"), "not released yet: still held");

        window.released("a", 1_000);
        window.forgetReleasedBefore(1_000);
        assertFalse(window.add("a"), "released at the horizon: still held");
        window.forgetReleasedBefore(1_001);
        assertTrue(window.add("a"), "forgotten once older than the horizon");
    }

    /** "Aa" and "BB" share a String hash, so these ids collide in every slot: probing and gap closing are exercised. */
    @Test
    void idsWithEqualHashesAreKeptApartAndSurviveTheRemovalOfTheirNeighbours() {
        List<String> colliding = new ArrayList<>();
        for (int bits = 0; bits < 64; bits++) {
            StringBuilder id = new StringBuilder();
            for (int k = 0; k < 6; k++) {
                id.append((bits >> k & 1) == 0 ? "Aa" : "BB");
            }
            colliding.add(id.toString());
        }
        EventIdWindow window = new EventIdWindow();
        colliding.forEach(id -> assertTrue(window.add(id)));
        for (int k = 0; k < colliding.size(); k += 2) {
            window.released(colliding.get(k), k);
        }
        window.forgetReleasedBefore(Long.MAX_VALUE);

        assertEquals(32, window.size());
        for (int k = 0; k < colliding.size(); k++) {
            assertEquals(k % 2 == 0, window.add(colliding.get(k)), colliding.get(k));
        }
    }

    @Test
    void agreesWithAHashSetOverAMillionRandomOperationsWhileGrowingAndShrinking() {
        Random random = new Random(7);
        EventIdWindow window = new EventIdWindow();
        Set<String> model = new HashSet<>();
        ArrayDeque<String> releasedModel = new ArrayDeque<>();
        List<String> held = new ArrayList<>();
        long time = 0;
        for (int op = 0; op < 1_000_000; op++) {
            int kind = random.nextInt(10);
            if (kind < 5 || held.isEmpty()) {
                String id = "evt-" + random.nextInt(200_000);
                boolean fresh = model.add(id);
                assertEquals(fresh, window.add(id), id);
                if (fresh) {
                    held.add(id);
                }
            } else if (kind < 9) {
                String id = held.remove(held.size() - 1);
                window.released(id, ++time);
                releasedModel.addLast(id + "@" + time);
            } else {
                long horizon = time - random.nextInt(50_000);
                window.forgetReleasedBefore(horizon);
                while (!releasedModel.isEmpty() && timeOf(releasedModel.peekFirst()) < horizon) {
                    model.remove(idOf(releasedModel.pollFirst()));
                }
            }
            assertEquals(model.size(), window.size());
        }
        for (String id : model) {
            assertFalse(window.add(id), id);
        }
    }

    private static long timeOf(String entry) {
        return Long.parseLong(entry.substring(entry.indexOf('@') + 1));
    }

    private static String idOf(String entry) {
        return entry.substring(0, entry.indexOf('@'));
    }
}
