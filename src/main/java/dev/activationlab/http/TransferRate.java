package dev.activationlab.http;

import java.util.concurrent.TimeUnit;

/**
 * The slowest a client may send a body or take an answer: after a grace period, at least
 * {@code minBytesPerSecond} on average since the transfer began (the rule Kestrel's and nginx's
 * minimum data rates follow), and never longer than {@code maxNanos} in all. The rate alone would
 * let a 64 MB body at just over 1 KB/s hold its share of the memory budget for 18 hours; the
 * overall bound gives that share back within minutes, whatever the size.
 *
 * @param minBytesPerSecond the least average rate once the grace period is over, bytes per second
 * @param graceNanos        how long a transfer may go at any rate, nanoseconds
 * @param maxNanos          the longest any one transfer may take, nanoseconds
 * @param tooSlowDetail     the detail of the 408 answer to a body sent below the rate or beyond
 *                          the overall bound
 */
record TransferRate(long minBytesPerSecond, long graceNanos, long maxNanos, String tooSlowDetail) {

    /**
     * Whether {@code bytes} moved in {@code elapsedNanos} is below the rate, once the grace is
     * over, or the transfer has gone on longer than its overall bound.
     */
    boolean tooSlow(long bytes, long elapsedNanos) {
        return elapsedNanos > maxNanos
                || elapsedNanos > graceNanos && bytes < minBytesPerSecond * (elapsedNanos / 1_000_000_000.0);
    }

    /**
     * The longest a transfer of {@code bytes} may take (at the minimum rate after the grace period,
     * within the overall bound), plus a second, in milliseconds: the timeout of the asynchronous
     * read or write.
     */
    long boundMillis(long bytes) {
        long atMinimumRate = TimeUnit.NANOSECONDS.toMillis(graceNanos) + bytes * 1000 / Math.max(1, minBytesPerSecond);
        return Math.min(atMinimumRate, TimeUnit.NANOSECONDS.toMillis(maxNanos)) + 1000;
    }
}
