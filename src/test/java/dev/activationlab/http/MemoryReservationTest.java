package dev.activationlab.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One request's share of the in-flight memory budget, as the admission counts it. */
class MemoryReservationTest {

    private final WorkAdmission admission = new WorkAdmission(1, 1, 1000);

    @Test
    void holdingLessOnceTheAnswerIsBuiltShouldGiveTheRestBack() {
        MemoryReservation request = new MemoryReservation(admission);
        assertThat(request.reserve(800)).isTrue();   // body, numbers parsed, numbers computed, answer

        request.holdExactly(400);   // the body and the answer

        assertThat(request.held()).isEqualTo(400);
        assertThat(admission.memoryInFlight()).isEqualTo(400);
        assertThat(new MemoryReservation(admission).reserve(600)).isTrue();
    }

    @Test
    void holdingMoreThanReservedShouldCountItOverTheBudget() {
        MemoryReservation request = new MemoryReservation(admission);
        assertThat(request.reserve(900)).isTrue();

        request.holdExactly(1200);   // an answer already built, larger than the budget left

        assertThat(admission.memoryInFlight()).isEqualTo(1200);
        request.releaseAll();
        assertThat(admission.memoryInFlight()).isZero();
    }

    @Test
    void releasingAfterHoldingExactlyShouldGiveBackOnlyWhatIsHeld() {
        MemoryReservation request = new MemoryReservation(admission);
        assertThat(request.reserve(500)).isTrue();
        request.holdExactly(0);

        request.releaseAll();

        assertThat(admission.memoryInFlight()).isZero();
    }
}
