package dev.activationlab.config;

import dev.activationlab.activation.ActivationCatalogue;
import dev.activationlab.activation.ActivationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The activation catalogue as a bean: the explicit list of {@link ActivationCatalogue}.
 */
@Configuration(proxyBeanMethods = false)
public class ActivationCatalogueConfiguration {

    @Bean
    ActivationRegistry activationRegistry() {
        return new ActivationRegistry(ActivationCatalogue.all());
    }
}
