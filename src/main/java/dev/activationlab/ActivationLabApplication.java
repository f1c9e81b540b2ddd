package dev.activationlab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Activation Lab: activation functions, perceptrons, networks and gradient decay over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ActivationLabApplication {

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        SpringApplication.run(ActivationLabApplication.class, args);
    }
}
