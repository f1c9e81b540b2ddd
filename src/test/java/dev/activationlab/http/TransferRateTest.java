package dev.activationlab.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The minimum rate of a transfer and its overall bound: 1 KB/s after 5 s, 120 s in all. */
class TransferRateTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final TransferRate rate = new TransferRate(1024, 5 * SECOND, 120 * SECOND, "too slow");

    @Test
    void transferWithinTheGraceShouldNeverBeTooSlow() {
        assertThat(rate.tooSlow(0, 5 * SECOND)).isFalse();
    }

    @Test
    void transferBelowTheRateAfterTheGraceShouldBeTooSlow() {
        assertThat(rate.tooSlow(10 * 1024 - 1, 10 * SECOND)).isTrue();
        assertThat(rate.tooSlow(10 * 1024, 10 * SECOND)).isFalse();
    }

    @Test
    void transferAtTheRateBeyondTheOverallBoundShouldBeTooSlow() {
        // 2 KB/s is twice the minimum rate, but a 64 MB body at that rate would take nine hours.
        assertThat(rate.tooSlow(2 * 1024 * 120, 120 * SECOND)).isFalse();
        assertThat(rate.tooSlow(2 * 1024 * 121, 121 * SECOND)).isTrue();
    }

    @Test
    void timeoutShouldBeTheTimeAtTheMinimumRateWithinTheOverallBound() {
        // 10 KB: 5 s of grace + 10 s at 1 KB/s, + 1 s; 64 MB: the 120 s bound, + 1 s.
        assertThat(rate.boundMillis(10 * 1024)).isEqualTo(16_000);
        assertThat(rate.boundMillis(64L * 1024 * 1024)).isEqualTo(121_000);
    }
}
