package dev.activationlab.activation;

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
