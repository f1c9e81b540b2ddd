package dev.activationlab.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The admission's state on {@code /actuator/prometheus}: requests computing and waiting for a
 * compute slot, and the bytes large requests hold of the memory budget, beside the budget itself.
 */
@Component
class AdmissionMetrics implements MeterBinder {

    private final WorkAdmission admission;

    AdmissionMetrics(AdmissionFilter filter) {
        this.admission = filter.admission();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("activationlab.admission.computing", admission, WorkAdmission::computing)
                .description("Requests holding a compute slot").register(registry);
        Gauge.builder("activationlab.admission.waiting", admission, WorkAdmission::waiting)
                .description("Requests waiting for a compute slot").register(registry);
        Gauge.builder("activationlab.admission.memory.in.flight", admission, WorkAdmission::memoryInFlight)
                .baseUnit("bytes").description("Memory held by large requests in flight").register(registry);
        Gauge.builder("activationlab.admission.memory.budget", admission, WorkAdmission::memoryBudget)
                .baseUnit("bytes").description("Memory budget of large requests in flight").register(registry);
    }
}
