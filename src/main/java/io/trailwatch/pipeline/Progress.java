package io.trailwatch.pipeline;

/** Hears about a replay's progress on the feeding thread; must be cheap, it is called per event. */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void tick(ReplayStats stats) {}

        @Override
        public void done() {}
    };

    void tick(ReplayStats stats);

    void done();
}
