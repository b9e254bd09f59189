package io.trailwatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayInputsTest {

    @Test
    void expandsFilesDirectoriesAndStdinInDeterministicOrder(@TempDir Path dir) throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(Files.createDirectories(logs.resolve("2024/01")).resolve("b.json.gz"), "x");
        Files.writeString(logs.resolve("2024/01/a.json"), "x");
        Files.writeString(logs.resolve(".hidden.json"), "x");
        Files.writeString(Files.createDirectories(logs.resolve(".git")).resolve("config"), "x");
        Files.writeString(logs.resolve("0.json"), "x");
        Files.writeString(logs.resolve("SOURCE.md"), "licence note");
        Path single = Files.writeString(dir.resolve("single.json"), "y");

        List<ReplayInput> inputs = ReplayInputs.expand(List.of(single.toString(), "-", logs.toString()));

        assertEquals(List.of(single.toString(), "-", logs.resolve("0.json").toString(),
                logs.resolve("2024/01/a.json").toString(), logs.resolve("2024/01/b.json.gz").toString()),
                inputs.stream().map(ReplayInput::name).toList());
        assertNull(inputs.get(1).path());
        try (InputStream in = inputs.get(0).open()) {
            assertEquals('y', in.read());
        }
    }

    @Test
    void deliveryFilesComeInDeliveryTimeOrderAcrossAccountsAndRegions(@TempDir Path dir) throws IOException {
        Path a = Files.createDirectories(dir.resolve("AWSLogs/111111111111/CloudTrail/us-east-1/2024/08/01"));
        Path b = Files.createDirectories(dir.resolve("AWSLogs/222222222222/CloudTrail/eu-west-1/2024/08/01"));
        Path late = Files.writeString(a.resolve("111111111111_CloudTrail_us-east-1_20240801T1005Z_aaaa.json.gz"), "x");
        Path early = Files.writeString(b.resolve("222222222222_CloudTrail_eu-west-1_20240801T0905Z_bbbb.json.gz"), "x");
        Path middle = Files.writeString(a.resolve("111111111111_CloudTrail_us-east-1_20240801T0935Z_cccc.json.gz"), "x");

        assertEquals(List.of(early.toString(), middle.toString(), late.toString()),
                ReplayInputs.expand(List.of(dir.toString())).stream().map(ReplayInput::name).toList());
    }

    @Test
    void aNoteNamedExplicitlyIsStillRead(@TempDir Path dir) throws IOException {
        Path note = Files.writeString(dir.resolve("SOURCE.md"), "{}");
        assertEquals(List.of(note.toString()), ReplayInputs.expand(List.of(note.toString())).stream().map(ReplayInput::name).toList());
    }

    @Test
    void missingPathIsNamed(@TempDir Path dir) {
        String missing = dir.resolve("nope.json").toString();
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ReplayInputs.expand(List.of(missing)));
        assertEquals(missing, e.getFile());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void stdinIsNamedDash() {
        assertEquals(new ReplayInput(null, "-"), ReplayInput.stdin());
    }
}
