package dev.activationlab;

import dev.activationlab.activation.ActivationCatalogueConfiguration;
import dev.activationlab.activation.VectorAnswers;
import dev.activationlab.http.DecimalQueryNumbers;
import dev.activationlab.http.JacksonConfiguration;
import dev.activationlab.http.LimitsProperties;
import dev.activationlab.http.ProgressStreams;
import dev.activationlab.plot.PlotConfiguration;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * The one set-up of the controller slice tests: {@link WebMvcTest} of the given controllers with
 * what every controller of the service needs beside it (the catalogue, the JSON configuration,
 * the plot fonts, the progress streams, the limits, decimal-only query numbers), so that a slice
 * runs as the service does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import({ActivationCatalogueConfiguration.class, DecimalQueryNumbers.class, JacksonConfiguration.class,
        PlotConfiguration.class, ProgressStreams.class, VectorAnswers.class})
@EnableConfigurationProperties(LimitsProperties.class)
public @interface ApiSliceTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};

    /** Properties of the test's environment, as {@code key=value}: usually smaller limits. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "properties")
    String[] properties() default {};
}
