package io.trailwatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
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
    void aBrokenLinkInATreeIsAnInputThatFailsWithTheReason(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("a.json"), "x");
        Path broken = Files.createSymbolicLink(dir.resolve("b.json"), dir.resolve("gone.json"));

        List<ReplayInput> inputs = ReplayInputs.expand(List.of(dir.toString()));

        assertEquals(List.of(good.toString(), broken.toString()), inputs.stream().map(ReplayInput::name).toList());
        IOException e = assertThrows(IOException.class, () -> inputs.get(1).open().close());
        assertEquals("broken symbolic link (its target does not exist)", e.getMessage());
    }

    @Test
    void linkLoopsAndLinkedDirectoriesAreNotFollowedButLinkedFilesAreRead(@TempDir Path dir) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree/a"));
        Path file = Files.writeString(tree.resolve("f.json"), "x");
        Files.createSymbolicLink(tree.resolve("loop"), tree.getParent());
        Path linkedFile = Files.createSymbolicLink(tree.resolve("g.json"), file);

        List<ReplayInput> inputs = ReplayInputs.expand(List.of(tree.getParent().toString()));

        assertEquals(List.of(file.toString(), linkedFile.toString()), inputs.stream().map(ReplayInput::name).toList());
    }

    @Test
    void aDirectoryGivenAsALinkIsWalkedAndItsFilesNamedUnderTheLink(@TempDir Path dir) throws IOException {
        Path real = Files.createDirectories(dir.resolve("volume/logs/sub"));
        Files.writeString(real.resolve("a.json"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("cloudtrail"), real.getParent());

        List<ReplayInput> inputs = ReplayInputs.expand(List.of(link.toString()));

        assertEquals(List.of(link.resolve("sub/a.json").toString()), inputs.stream().map(ReplayInput::name).toList());
        try (InputStream in = inputs.get(0).open()) {
            assertEquals('x', in.read());
        }
    }

    @Test
    void aDirectoryThatCannotBeListedIsAnInputThatFailsNotAnAbortedWalk(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("a.json"), "x");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.writeString(locked.resolve("in.json"), "x");
        Files.setPosixFilePermissions(locked, Set.of());
        try {
            assumeFalse(Files.isReadable(locked), "this user reads any directory (root): nothing to check");

            List<ReplayInput> inputs = ReplayInputs.expand(List.of(dir.toString()));

            assertEquals(List.of(good.toString(), locked.toString()), inputs.stream().map(ReplayInput::name).toList());
            IOException e = assertThrows(IOException.class, () -> inputs.get(1).open().close());
            assertEquals("permission denied", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void stdinIsNamedDash() {
        assertEquals(new ReplayInput(null, "-"), ReplayInput.stdin());
    }
}
