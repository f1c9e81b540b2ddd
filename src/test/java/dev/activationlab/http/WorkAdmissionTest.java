package dev.activationlab.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The heavy lane's turns (first come, first served, never blocking) and the memory budget. */
class WorkAdmissionTest {

    private final List<String> granted = new ArrayList<>();

    private WorkAdmission.Turn turn(String name) {
        return new WorkAdmission.Turn(() -> granted.add(name));
    }

    @Test
    void enterHeavyOrQueueWhenTurnsAreTakenShouldQueueAndGrantInArrivalOrder() {
        WorkAdmission admission = new WorkAdmission(2, 1, 1000);

        assertThat(admission.enterHeavyOrQueue(turn("a"))).isTrue();
        assertThat(admission.enterHeavyOrQueue(turn("b"))).isTrue();
        assertThat(admission.enterHeavyOrQueue(turn("c"))).isFalse();
        assertThat(admission.enterHeavyOrQueue(turn("d"))).isFalse();
        assertThat(admission.heavyComputing()).isEqualTo(2);
        assertThat(admission.heavyWaiting()).isEqualTo(2);

        admission.leaveHeavy();
        admission.leaveHeavy();

        assertThat(granted).containsExactly("c", "d");
        assertThat(admission.heavyComputing()).isEqualTo(2);
        assertThat(admission.heavyWaiting()).isZero();
        admission.leaveHeavy();
        assertThat(admission.heavyComputing()).isEqualTo(1);
    }

    @Test
    void leaveHeavyWhenTheNextRequestCannotTakeTheTurnShouldPassItOn() {
        WorkAdmission admission = new WorkAdmission(1, 1, 1000);
        admission.enterHeavyOrQueue(turn("a"));
        admission.enterHeavyOrQueue(new WorkAdmission.Turn(() -> {
            throw new IllegalStateException("the waiting request's connection failed");
        }));
        admission.enterHeavyOrQueue(turn("c"));

        admission.leaveHeavy();

        assertThat(granted).containsExactly("c");
        admission.leaveHeavy();
        assertThat(admission.heavyComputing()).isZero();
        assertThat(admission.enterHeavyOrQueue(turn("d"))).isTrue();
    }

    @Test
    void releaseMemoryWhenAGrantFailsShouldStillGrantTheClaimsAfterIt() {
        WorkAdmission admission = new WorkAdmission(1, 1, 1000);
        assertThat(admission.tryReserveMemory(1000)).isTrue();
        admission.reserveMemoryOrQueue(new WorkAdmission.MemoryClaim(300, () -> {
            throw new IllegalStateException("the waiting request's connection failed");
        }));
        admission.reserveMemoryOrQueue(claim(300, "b"));

        admission.releaseMemory(1000);

        assertThat(granted).containsExactly("b");
    }

    @Test
    void enterHeavyOrQueueWhenOthersWaitShouldQueueEvenIfATurnIsFree() {
        WorkAdmission admission = new WorkAdmission(1, 1, 1000);
        admission.enterHeavyOrQueue(turn("a"));
        WorkAdmission.Turn waiting = turn("b");
        admission.enterHeavyOrQueue(waiting);

        admission.leaveHeavy();   // the turn goes to b, not to whoever comes next

        assertThat(granted).containsExactly("b");
        assertThat(admission.enterHeavyOrQueue(turn("c"))).isFalse();
        assertThat(admission.cancel(waiting)).isFalse();
    }

    @Test
    void cancelWhenStillWaitingShouldRemoveTheTurnWithoutGrantingIt() {
        WorkAdmission admission = new WorkAdmission(1, 1, 1000);
        admission.enterHeavyOrQueue(turn("a"));
        WorkAdmission.Turn timedOut = turn("b");
        admission.enterHeavyOrQueue(timedOut);

        assertThat(admission.cancel(timedOut)).isTrue();
        admission.leaveHeavy();

        assertThat(granted).isEmpty();
        assertThat(admission.heavyComputing()).isZero();
    }

    @Test
    void tryReserveMemoryBeyondTheBudgetShouldFailUnlessTheBudgetIsEmpty() {
        WorkAdmission admission = new WorkAdmission(1, 1, 1000);

        assertThat(admission.tryReserveMemory(5000)).as("an empty budget admits one request").isTrue();
        assertThat(admission.tryReserveMemory(1)).isFalse();
        admission.releaseMemory(5000);
        assertThat(admission.tryReserveMemory(600)).isTrue();
        assertThat(admission.tryReserveMemory(400)).isTrue();
        assertThat(admission.tryReserveMemory(1)).isFalse();
        admission.forceReserveMemory(10);
        assertThat(admission.memoryInFlight()).isEqualTo(1010);
    }

    private WorkAdmission.MemoryClaim claim(long bytes, String name) {
        return new WorkAdmission.MemoryClaim(bytes, () -> granted.add(name));
    }

    @Test
    void reserveMemoryOrQueueWhenTheBudgetIsHeldShouldGrantClaimsInArrivalOrderAsMemoryComesBack() {
        WorkAdmission admission = new WorkAdmission(1, 1, 1000);
        assertThat(admission.reserveMemoryOrQueue(claim(800, "first"))).isTrue();

        assertThat(admission.reserveMemoryOrQueue(claim(600, "big"))).isFalse();
        assertThat(admission.reserveMemoryOrQueue(claim(100, "small"))).as("queued behind big, though it fits")
                .isFalse();
        assertThat(admission.memoryWaiting()).isEqualTo(2);
        assertThat(granted).isEmpty();

        admission.releaseMemory(800);

        assertThat(granted).containsExactly("big", "small");
        assertThat(admission.memoryInFlight()).isEqualTo(700);
        assertThat(admission.memoryWaiting()).isZero();
    }

    @Test
    void releaseMemoryShouldGrantOnlyWhileTheFirstWaitingClaimFits() {
        WorkAdmission admission = new WorkAdmission(1, 1, 1000);
        assertThat(admission.reserveMemoryOrQueue(claim(900, "first"))).isTrue();
        assertThat(admission.reserveMemoryOrQueue(claim(500, "a"))).isFalse();
        assertThat(admission.reserveMemoryOrQueue(claim(600, "b"))).isFalse();

        admission.releaseMemory(900);

        assertThat(granted).containsExactly("a");
        assertThat(admission.memoryInFlight()).isEqualTo(500);
        admission.releaseMemory(500);
        assertThat(granted).containsExactly("a", "b");
    }

    @Test
    void cancelWhenTheClaimStillWaitsShouldRemoveItAndOnceGrantedShouldNot() {
        WorkAdmission admission = new WorkAdmission(1, 1, 1000);
        assertThat(admission.reserveMemoryOrQueue(claim(1000, "first"))).isTrue();
        WorkAdmission.MemoryClaim late = claim(10, "late");
        WorkAdmission.MemoryClaim waiting = claim(10, "waiting");
        assertThat(admission.reserveMemoryOrQueue(late)).isFalse();
        assertThat(admission.reserveMemoryOrQueue(waiting)).isFalse();

        assertThat(admission.cancel(late)).isTrue();
        admission.releaseMemory(1000);

        assertThat(granted).containsExactly("waiting");
        assertThat(admission.cancel(waiting)).as("granted: its bytes are reserved").isFalse();
        assertThat(admission.memoryInFlight()).isEqualTo(10);
    }

    @Test
    void tryAcquireComputeSlotWhenAllAreTakenShouldGiveUpAfterTheWait() {
        WorkAdmission admission = new WorkAdmission(1, 1, 1000);
        assertThat(admission.tryAcquireComputeSlot(0)).isTrue();

        long start = System.nanoTime();
        assertThat(admission.tryAcquireComputeSlot(50_000_000)).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(50_000_000);

        admission.releaseComputeSlot();
        assertThat(admission.tryAcquireComputeSlot(0)).isTrue();
    }

    @Test
    void constructorWhenNotPositiveShouldThrow() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkAdmission(0, 1, 1000));
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkAdmission(1, 0, 1000));
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkAdmission(1, 1, 0));
    }
}
