package dev.activationlab.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The decimal-only editors are registered by parameter name: the names must cover the controllers. */
class DecimalQueryNumbersTest {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class);

    @Test
    void namesShouldBeEveryWholeNumberQueryParameterOfTheControllers() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<String> parameters = new TreeSet<>();
        for (BeanDefinition controller : scanner.findCandidateComponents("dev.activationlab")) {
            Class<?> type = ClassUtils.forName(controller.getBeanClassName(), null);
            if (type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes")) {
                continue;   // a test's own controller
            }
            for (Method method : type.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    RequestParam query = parameter.getAnnotation(RequestParam.class);
                    if (query != null && WHOLE_NUMBERS.contains(parameter.getType())) {
                        String name = !query.name().isEmpty() ? query.name()
                                : !query.value().isEmpty() ? query.value() : parameter.getName();
                        parameters.add(name);
                    }
                }
            }
        }
        assertThat(parameters).contains("points", "seed");
        assertThat(new TreeSet<>(DecimalQueryNumbers.NAMES)).isEqualTo(parameters);
    }
}
