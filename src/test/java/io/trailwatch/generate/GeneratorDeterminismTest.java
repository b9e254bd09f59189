package io.trailwatch.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorDeterminismTest {

    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesIdenticalBytesAndDifferentSeedDoesNot() throws Exception {
        new Generator(small(tmp.resolve("a"), 42)).run();
        new Generator(small(tmp.resolve("b"), 42)).run();
        new Generator(small(tmp.resolve("c"), 43)).run();

        TreeMap<String, String> a = GeneratedDataSet.hashes(tmp.resolve("a"));
        TreeMap<String, String> b = GeneratedDataSet.hashes(tmp.resolve("b"));
        TreeMap<String, String> c = GeneratedDataSet.hashes(tmp.resolve("c"));
        assertTrue(a.size() > 100, "expected many files, got " + a.size());
        assertEquals(a, b);
        assertNotEquals(a.keySet(), c.keySet());
    }

    private static GeneratorOptions small(Path out, long seed) {
        return new GeneratorOptions(out, 6_000, seed, 3, 2, 12, GeneratorOptions.DEFAULT_START, 0.01, 0.005, true);
    }

    @Test
    void refusesAnOutputDirectoryThatAlreadyHoldsLogs() throws Exception {
        Path out = tmp.resolve("reused");
        new Generator(GeneratorOptions.defaults(out, 500, 1)).run();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Generator(GeneratorOptions.defaults(out, 500, 1)).run());
        assertTrue(e.getMessage().contains("already contains AWSLogs"), e.getMessage());
    }

    @Test
    void rejectsOutOfRangeOptionsNamingValueRangeAndSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(tmp, 10, 1,
                0, 4, 12, GeneratorOptions.DEFAULT_START, 0.01, 0.005, true));
        assertEquals("accounts = 0 is out of range 1..1000: change --accounts", e.getMessage());
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(tmp,
                10, 1, 2, 4, 12, GeneratorOptions.DEFAULT_START, 0.9, 0.005, true));
        assertTrue(late.getMessage().startsWith("lateFraction = 0.9 is out of range 0..0.5"), late.getMessage());
    }
}
