package dev.activationlab.plot;

import dev.activationlab.http.AdmissionProperties;
import dev.activationlab.http.LimitsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The chart renderer of the plot endpoints. */
@Configuration(proxyBeanMethods = false)
public class PlotConfiguration {

    /**
     * PNG renders bounded by memory, not by processors: each holds a raster of 4 bytes a pixel
     * (64 MB at 4000 × 4000), so together they may take a quarter of the maximum heap, and always
     * at least one image of the largest size {@code max-plot-pixels} allows. A render waits for its
     * pixels at most {@code max-compute-wait}, as a request waits for its turn, else 503.
     */
    @Bean
    ChartRenderer chartRenderer(LimitsProperties limits, AdmissionProperties admission) {
        long largestImage = (long) limits.maxPlotPixels() * limits.maxPlotPixels();
        return new ChartRenderer(ChartRenderer.pixelBudget(Runtime.getRuntime().maxMemory(), largestImage),
                admission.maxComputeWait());
    }
}
