package dev.activationlab.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The admission's state on {@code /actuator/prometheus}: the request threads, those busy and connections
 * waiting for one, heavy requests computing and waiting for their turn, the bytes large requests
 * hold of the memory budget, beside the budget itself, and the large requests waiting for it.
 */
@Component
class AdmissionMetrics implements MeterBinder {

    private final WorkAdmission admission;
    private final RequestThreads threads;

    AdmissionMetrics(AdmissionFilter filter, RequestThreads threads) {
        this.admission = filter.admission();
        this.threads = threads;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("activationlab.admission.threads", threads, RequestThreads::size)
                .description("Request threads of the API port").register(registry);
        Gauge.builder("activationlab.admission.computing", threads, RequestThreads::busy)
                .description("Request threads of the API port busy").register(registry);
        Gauge.builder("activationlab.admission.waiting", threads, RequestThreads::waiting)
                .description("Ready connections waiting for a request thread").register(registry);
        Gauge.builder("activationlab.admission.heavy.computing", admission, WorkAdmission::heavyComputing)
                .description("Heavy requests computing").register(registry);
        Gauge.builder("activationlab.admission.heavy.waiting", admission, WorkAdmission::heavyWaiting)
                .description("Heavy requests waiting for their turn").register(registry);
        Gauge.builder("activationlab.admission.memory.in.flight", admission, WorkAdmission::memoryInFlight)
                .baseUnit("bytes").description("Memory held by large requests in flight").register(registry);
        Gauge.builder("activationlab.admission.memory.waiting", admission, WorkAdmission::memoryWaiting)
                .description("Large requests waiting for their share of the memory budget").register(registry);
        Gauge.builder("activationlab.admission.memory.budget", admission, WorkAdmission::memoryBudget)
                .baseUnit("bytes").description("Memory budget of large requests in flight").register(registry);
    }
}
