package io.trailwatch.pipeline;

/**
 * Notices that the heap is exhausted before the JVM gives up: when full collections leave the heap over a
 * fraction of its maximum ({@value #EXHAUSTED} in replay) {@value #IN_A_ROW} times in a row, what is left is
 * live and the collector is freeing room for a few more events at a time. A 100k-record replay that could not
 * fit in a 48 MiB heap ran some 900 full collections over a minute (each leaving it 91% full) before the JVM
 * threw {@link OutOfMemoryError}; with the guard it stops after the third.
 *
 * <p>Only full collections count, since after a young one the heap still holds old garbage, and only the
 * whole heap: the old generation alone is often nearly full in a run that completes, with the young
 * generation still free (a replay living in 16 of 22 MiB did). Thread-safe: the JVM reports collections on
 * its own thread.
 */
final class HeapGuard implements AutoCloseable {

    /** How full a full collection may leave the heap, as a fraction of its maximum. */
    static final double EXHAUSTED = 0.85;
    /** How many full collections in a row must leave it fuller than that. */
    static final int IN_A_ROW = 3;

    private final long limitBytes;
    private final int inARow;
    private final HeapAfterGc collections;
    private int fullInARow;
    private volatile boolean exhausted;

    /**
     * Starts watching; {@link #close()} stops.
     *
     * @param fraction of the maximum heap ({@link Runtime#maxMemory()}), in (0, 1]
     * @param inARow   full collections in a row that must each leave more than that in use
     */
    HeapGuard(double fraction, int inARow) {
        this.limitBytes = (long) (Runtime.getRuntime().maxMemory() * fraction);
        this.inARow = inARow;
        this.collections = new HeapAfterGc(this::onCollection);
    }

    /**
     * Throws {@link OutOfMemoryError} once full collections have left the heap over the threshold often enough,
     * so the caller fails as it would when the JVM runs out, only sooner. Cheap: one volatile read.
     */
    void check() {
        if (exhausted) {
            throw new OutOfMemoryError("full collections keep leaving the heap full");
        }
    }

    @Override
    public void close() {
        collections.close();
    }

    private void onCollection(HeapAfterGc.Collection collection) {
        if (!collection.full()) {
            return;
        }
        fullInARow = collection.usedAfterGcBytes() > limitBytes ? fullInARow + 1 : 0;
        if (fullInARow >= inARow) {
            exhausted = true;
        }
    }
}
