package io.trailwatch.sink.stdout;

import java.io.IOException;

/**
 * Standard output's reader closed the pipe ({@code trailwatch replay | head}): it has what it wanted, so a
 * command stops quietly instead of reporting a failure.
 */
public final class ReaderGoneException extends IOException {

    ReaderGoneException(String message) {
        super(message);
    }
}
