package dev.activationlab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Activation Lab: activation functions, perceptrons, networks and gradient decay over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ActivationLabApplication {

    public static void main(String[] args) {
        // java.awt.headless is set in one place, ChartRenderer's static initialiser: it runs before any
        // chart is drawn, in `java -jar` as in tests that use the renderer without Spring.
        SpringApplication.run(ActivationLabApplication.class, args);
    }
}
