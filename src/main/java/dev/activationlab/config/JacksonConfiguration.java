package dev.activationlab.config;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;

/**
 * Reading of request bodies beyond what {@code spring.jackson.*} in {@code application.yml} can
 * set. The reader's own limits (StreamReadConstraints: nesting depth 500, numbers of 1000
 * characters, names of 50,000, strings of 100,000,000) stay Jackson's defaults; the body size
 * limit bounds everything else.
 */
@Configuration(proxyBeanMethods = false)
public class JacksonConfiguration {

    /** {@code {"x": [1], "x": [2]}} is ambiguous: refuse it rather than keep the last value. */
    @Bean
    JsonMapperBuilderCustomizer strictDuplicateDetection() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
