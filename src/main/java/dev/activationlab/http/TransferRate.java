package dev.activationlab.http;

import java.util.concurrent.TimeUnit;

/**
 * The slowest a client may send a body or take an answer: after a grace period, at least
 * {@code minBytesPerSecond} on average since the transfer began (the rule Kestrel's and nginx's
 * minimum data rates follow), so that a client that trickles bytes cannot hold a connection's
 * memory for long.
 *
 * @param minBytesPerSecond the least average rate once the grace period is over, bytes per second
 * @param graceNanos        how long a transfer may go at any rate, nanoseconds
 */
record TransferRate(long minBytesPerSecond, long graceNanos) {

    /** Whether {@code bytes} moved in {@code elapsedNanos} is below the rate, once the grace is over. */
    boolean tooSlow(long bytes, long elapsedNanos) {
        return elapsedNanos > graceNanos && bytes < minBytesPerSecond * (elapsedNanos / 1_000_000_000.0);
    }

    /**
     * The longest a transfer of {@code bytes} may take at the minimum rate after the grace period,
     * plus a second, in milliseconds: the timeout of the asynchronous read or write.
     */
    long boundMillis(long bytes) {
        return TimeUnit.NANOSECONDS.toMillis(graceNanos) + bytes * 1000 / Math.max(1, minBytesPerSecond) + 1000;
    }

    /** The detail of the 408 answer to a body sent below the rate. */
    String tooSlowDetail() {
        return "The request body came slower than " + minBytesPerSecond + " bytes a second; send it faster.";
    }
}
