package io.trailwatch.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Weighted choice over a cumulative weight array. */
final class Weighted {

    private Weighted() {
    }

    static int pick(double[] cumulative, SplittableRandom rng) {
        double r = rng.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, r);
        return Math.min(i >= 0 ? i + 1 : -i - 1, cumulative.length - 1);
    }
}
