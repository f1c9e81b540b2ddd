package dev.activationlab.config;

import dev.activationlab.plot.ChartRenderer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The chart renderer of the plot endpoints. */
@Configuration(proxyBeanMethods = false)
public class PlotConfiguration {

    /** As many charts drawn at once as there are processors: drawing is CPU-bound, and each PNG holds a raster. */
    @Bean
    ChartRenderer chartRenderer() {
        return new ChartRenderer(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }
}
