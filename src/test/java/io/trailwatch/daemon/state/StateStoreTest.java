package io.trailwatch.daemon.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @TempDir
    Path dir;

    @Test
    void aSavedDocumentLoadsBackInANewStore() throws IOException {
        ObjectNode checkpoints = JsonNodeFactory.instance.objectNode();
        checkpoints.putObject("tail:/var/log/ct.jsonl").put("offset", 1234).put("line", 7);
        new StateStore(dir.resolve("state")).save("checkpoints", checkpoints);

        assertEquals(Optional.of(checkpoints), new StateStore(dir.resolve("state")).load("checkpoints"));
        assertTrue(Files.exists(dir.resolve("state/checkpoints.json")));
    }

    @Test
    void aMissingDocumentIsEmpty() throws IOException {
        assertEquals(Optional.empty(), new StateStore(dir).load("watermark"));
    }

    @Test
    void corruptDocumentsAreMovedAsideAndLoadEmpty() throws IOException {
        StateStore store = new StateStore(dir);
        Files.writeString(dir.resolve("checkpoints.json"), "{\"offset\": 12", StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), store.load("checkpoints"));
        assertTrue(Files.exists(dir.resolve("checkpoints.json.corrupt-1")));
        assertFalse(Files.exists(dir.resolve("checkpoints.json")));

        Files.writeString(dir.resolve("checkpoints.json"), "[1, 2]", StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), store.load("checkpoints"));
        assertTrue(Files.exists(dir.resolve("checkpoints.json.corrupt-2")));

        Files.writeString(dir.resolve("checkpoints.json"), "{} trailing", StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), store.load("checkpoints"));
        assertTrue(Files.exists(dir.resolve("checkpoints.json.corrupt-3")));

        store.save("checkpoints", JsonNodeFactory.instance.objectNode().put("ok", true));
        assertTrue(store.load("checkpoints").orElseThrow().get("ok").booleanValue(), "saving works again after");
    }

    @Test
    void anUnreadableDocumentLoadsEmptyWithoutThrowing() throws IOException {
        Files.createDirectory(dir.resolve("watermark.json"));
        assertEquals(Optional.empty(), new StateStore(dir).load("watermark"));
        assertTrue(Files.isDirectory(dir.resolve("watermark.json.corrupt-1")));
    }

    @Test
    void aSaveThatFailsNamesTheFileAndTheFix() throws IOException {
        StateStore store = new StateStore(dir);
        Files.createDirectories(dir.resolve("checkpoints.json").resolve("in-the-way"));

        IOException e = assertThrows(IOException.class,
                () -> store.save("checkpoints", JsonNodeFactory.instance.objectNode()));

        assertTrue(e.getMessage().startsWith("cannot save state file " + dir.resolve("checkpoints.json").toAbsolutePath()),
                e.getMessage());
        assertTrue(e.getMessage().contains("state directory writable, with free space"), e.getMessage());
    }

    @Test
    void temporaryFilesLeftByACrashAreRemovedOnOpen() throws IOException {
        Files.writeString(dir.resolve(".checkpoints.json.123.tmp"), "{\"half\":");
        Files.writeString(dir.resolve("checkpoints.json"), "{}");
        new StateStore(dir);
        assertFalse(Files.exists(dir.resolve(".checkpoints.json.123.tmp")));
        assertTrue(Files.exists(dir.resolve("checkpoints.json")));
    }

    @Test
    void namesThatAreNotPlainFileNamesAreRejected() throws IOException {
        StateStore store = new StateStore(dir);
        assertThrows(IllegalArgumentException.class, () -> store.load("../escape"));
        assertThrows(IllegalArgumentException.class, () -> store.save("dir:/x", JsonNodeFactory.instance.objectNode()));
    }
}
