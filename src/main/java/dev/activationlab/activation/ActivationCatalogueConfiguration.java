package dev.activationlab.activation;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Builds the activation catalogue from every concrete {@link Activation} class in the
 * {@code activation} package, so that adding an activation means adding one class there.
 */
@Configuration(proxyBeanMethods = false)
public class ActivationCatalogueConfiguration {

    @Bean
    ActivationRegistry activationRegistry() {
        return new ActivationRegistry(discoverActivations());
    }

    /**
     * Instantiates every public concrete class implementing {@link Activation} in the package of
     * {@link Activation}, through its public no-argument constructor.
     *
     * @throws IllegalStateException if a class cannot be instantiated
     */
    public static List<Activation> discoverActivations() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Activation.class));
        List<Activation> activations = new ArrayList<>();
        ClassLoader loader = Activation.class.getClassLoader();
        for (BeanDefinition candidate : scanner.findCandidateComponents(Activation.class.getPackageName())) {
            try {
                Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), loader);
                activations.add((Activation) type.getConstructor().newInstance());
            } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException
                     | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot instantiate activation " + candidate.getBeanClassName(), e);
            }
        }
        return activations;
    }
}
