package io.trailwatch.source;

import java.io.IOException;

/** Receives the units a {@link LiveSource} hands out, in order. */
@FunctionalInterface
public interface InputConsumer {

    /**
     * Takes one unit. Throwing stops the poll; the source's position stays before this unit, so it is
     * handed out again by the next poll.
     */
    void accept(InputUnit unit) throws IOException;
}
