package io.trailwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FileProblemsTest {

    @Test
    void theReasonLeavesOutThePathTheMessageAlreadyNames() {
        assertEquals("permission denied", FileProblems.reason(new AccessDeniedException("/var/lib/x")));
        assertEquals("no such file or directory", FileProblems.reason(new NoSuchFileException("/nope")));
        assertEquals("a file is in the way", FileProblems.reason(new FileAlreadyExistsException("/x")));
        assertEquals("Is a directory", FileProblems.reason(new FileSystemException("/tmp", null, "Is a directory")));
        assertEquals("disk quota exceeded", FileProblems.reason(new IOException("disk quota exceeded")));
    }
}
