package io.trailwatch.generate;

import java.util.SplittableRandom;
import java.util.UUID;

/** AWS-shaped identifiers drawn from a seeded random source, so the same seed gives the same ids. */
final class Ids {

    private static final char[] KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Ids() {
    }

    static String uuid(SplittableRandom rng) {
        long hi = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    /** An IAM unique id or access key id: {@code prefix} then 16 upper-case base-32 characters ({@code AIDA...}, {@code AKIA...}). */
    static String iamId(SplittableRandom rng, String prefix) {
        return prefix + pick(rng, KEY_CHARS, 16);
    }

    /** An EC2-style resource id: {@code prefix-} then 17 hex digits ({@code i-0abc...}). */
    static String resourceId(SplittableRandom rng, String prefix) {
        return prefix + "-0" + pick(rng, HEX, 16);
    }

    static String hex(SplittableRandom rng, int length) {
        return pick(rng, HEX, length);
    }

    static String alnum(SplittableRandom rng, int length) {
        return pick(rng, ALNUM, length);
    }

    static String accountId(SplittableRandom rng) {
        return (1 + rng.nextInt(9)) + String.format("%011d", rng.nextLong(100_000_000_000L));
    }

    static String publicIp(SplittableRandom rng) {
        return (3 + rng.nextInt(220)) + "." + rng.nextInt(256) + "." + rng.nextInt(256) + "." + (1 + rng.nextInt(254));
    }

    private static String pick(SplittableRandom rng, char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[rng.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
