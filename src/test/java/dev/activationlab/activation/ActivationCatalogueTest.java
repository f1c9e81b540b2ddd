package dev.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** The explicit catalogue against the table of API.md section 1. */
class ActivationCatalogueTest {

    /** Canonical name → aliases, as in API.md section 1. */
    private static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("step", List.of("heaviside", "binary_step")),
            Map.entry("linear", List.of("identity")),
            Map.entry("sigmoid", List.of("logistic")),
            Map.entry("tanh", List.of()),
            Map.entry("relu", List.of()),
            Map.entry("leaky_relu", List.of()),
            Map.entry("prelu", List.of()),
            Map.entry("elu", List.of()),
            Map.entry("selu", List.of()),
            Map.entry("celu", List.of()),
            Map.entry("gelu", List.of()),
            Map.entry("gelu_tanh", List.of()),
            Map.entry("silu", List.of("swish")),
            Map.entry("mish", List.of()),
            Map.entry("softplus", List.of()),
            Map.entry("softsign", List.of()),
            Map.entry("hard_sigmoid", List.of("hardsigmoid")),
            Map.entry("hard_tanh", List.of("hardtanh")),
            Map.entry("hard_swish", List.of("hardswish", "hard_silu")),
            Map.entry("relu6", List.of()),
            Map.entry("log_sigmoid", List.of("logsigmoid")),
            Map.entry("tanhshrink", List.of("tanh_shrink")),
            Map.entry("softshrink", List.of("soft_shrink")),
            Map.entry("hardshrink", List.of("hard_shrink")),
            Map.entry("threshold", List.of()),
            Map.entry("softmax", List.of()),
            Map.entry("log_softmax", List.of()),
            // The second wave (API.md section 1, "More activations").
            Map.entry("squareplus", List.of()),
            Map.entry("sparse_plus", List.of()),
            Map.entry("sparse_sigmoid", List.of()),
            Map.entry("exponential", List.of()),
            Map.entry("rrelu", List.of()),
            Map.entry("relu_squared", List.of("squared_relu")),
            Map.entry("snake", List.of()),
            Map.entry("softmin", List.of()),
            Map.entry("sparsemax", List.of()),
            Map.entry("glu", List.of()),
            Map.entry("reglu", List.of()),
            Map.entry("geglu", List.of()),
            Map.entry("swiglu", List.of()));

    /** Canonical name → parameter defaults in documented order, as in API.md section 1. */
    private static final Map<String, Map<String, Double>> DEFAULTS = Map.ofEntries(
            Map.entry("linear", Map.of("c", 1.0)),
            Map.entry("leaky_relu", Map.of("alpha", 0.01)),
            Map.entry("prelu", Map.of("alpha", 0.25)),
            Map.entry("elu", Map.of("alpha", 1.0)),
            Map.entry("celu", Map.of("alpha", 1.0)),
            Map.entry("softplus", ordered("beta", 1.0, "threshold", 20.0)),
            Map.entry("hard_tanh", ordered("min", -1.0, "max", 1.0)),
            Map.entry("softshrink", Map.of("lambda", 0.5)),
            Map.entry("hardshrink", Map.of("lambda", 0.5)),
            Map.entry("threshold", ordered("threshold", 0.0, "value", 0.0)),
            Map.entry("squareplus", Map.of("b", 4.0)),
            Map.entry("rrelu", ordered("lower", 0.125, "upper", 1.0 / 3.0)),
            Map.entry("snake", Map.of("alpha", 1.0)));

    private final List<Activation> catalogue = ActivationCatalogue.all();
    private final ActivationRegistry registry = new ActivationRegistry(catalogue);

    private static Map<String, Double> ordered(String a, double va, String b, double vb) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(a, va);
        m.put(b, vb);
        return m;
    }

    @Test
    void catalogueShouldListTheFortyActivationsOfTheContractSortedByName() {
        assertThat(catalogue).hasSize(40);
        assertThat(registry.names()).containsExactlyInAnyOrderElementsOf(ALIASES.keySet());
        assertThat(registry.names()).isSorted();
    }

    @Test
    void catalogueShouldListEveryConcreteActivationClassOfThePackageOnce() {
        // The catalogue is an explicit list; this scan (tests only) catches a class left out of it.
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Activation.class));
        Set<String> classes = scanner.findCandidateComponents(Activation.class.getPackageName()).stream()
                .map(BeanDefinition::getBeanClassName).collect(Collectors.toSet());
        assertThat(catalogue.stream().map(a -> a.getClass().getName()))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(classes);
    }

    @Test
    void everyActivationShouldHaveExactlyTheAliasesOfTheContract() {
        Map<String, List<String>> actual = catalogue.stream()
                .collect(Collectors.toMap(Activation::name, a -> a.descriptor().aliases()));
        assertThat(actual).isEqualTo(ALIASES);
    }

    @Test
    void namesAndAliasesShouldBeStoredLowerCaseWithUnderscores() {
        for (Activation a : catalogue) {
            assertThat(a.name()).matches("[a-z0-9_]+");
            assertThat(a.descriptor().aliases()).allMatch(alias -> alias.matches("[a-z0-9_]+"));
        }
    }

    @Test
    void everyNameAndAliasShouldResolveCaseInsensitivelyAndWithDashes() {
        ALIASES.forEach((name, aliases) -> {
            for (String spelling : concat(name, aliases)) {
                assertThat(registry.require(spelling).name()).isEqualTo(name);
                assertThat(registry.require(spelling.toUpperCase(Locale.ROOT)).name()).isEqualTo(name);
                assertThat(registry.require(spelling.replace('_', '-')).name()).isEqualTo(name);
            }
        });
    }

    private static List<String> concat(String name, List<String> aliases) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream()).toList();
    }

    @ParameterizedTest
    @CsvSource({"Leaky-ReLU, leaky_relu", "HARD-SiLU, hard_swish", "LogSigmoid, log_sigmoid", "Swish, silu",
            "GELU-Tanh, gelu_tanh", "Log-Softmax, log_softmax", "Binary-Step, step"})
    void findWhenSpelledDifferentlyShouldReturnCanonicalEntry(String spelling, String canonical) {
        assertThat(registry.find(spelling)).map(Activation::name).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {" gelu_tanh ", "relu\u0000", "relu\t", "\u0085relu", "re lu"})
    void findWhenNameHasWhiteSpaceOrControlCharactersShouldFindNothing(String name) {
        assertThat(registry.find(name)).isEmpty();
    }

    @Test
    void requireWhenNameUnknownShouldListTheValidNames() {
        assertThatThrownBy(() -> registry.require("gelu_erf"))
                .isInstanceOf(UnknownActivationException.class)
                .satisfies(e -> assertThat(((UnknownActivationException) e).validNames())
                        .containsExactlyElementsOf(registry.names()));
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void onlyTheSoftmaxFamilyAndTheGatedUnitsShouldBeVectorValued() {
        Set<String> vectorValued = Set.of("softmax", "log_softmax", "softmin", "sparsemax", "glu", "reglu", "geglu",
                "swiglu");
        for (Activation a : catalogue) {
            boolean vector = vectorValued.contains(a.name());
            assertThat(a.vectorValued()).as(a.name()).isEqualTo(vector);
            assertThat(a).as(a.name()).isInstanceOf(vector ? VectorActivation.class : ScalarActivation.class);
        }
        assertThatThrownBy(() -> registry.bindScalar("log-softmax", null)).isInstanceOf(VectorValuedException.class);
    }

    @Test
    void onlyPreluShouldHaveParameterGradients() {
        for (Activation a : catalogue) {
            assertThat(a instanceof ParameterGradients).as(a.name()).isEqualTo(a.name().equals("prelu"));
        }
    }

    @Test
    void parametersShouldHaveTheDefaultsOfTheContractInDocumentedOrder() {
        for (Activation a : catalogue) {
            Map<String, Double> expected = DEFAULTS.getOrDefault(a.name(), Map.of());
            Map<String, Double> actual = new LinkedHashMap<>();
            a.parameters().forEach(p -> actual.put(p.name(), p.defaultValue()));
            assertThat(actual).as(a.name()).isEqualTo(expected);
            if (expected.size() > 1) {
                assertThat(actual.keySet()).as(a.name()).containsExactlyElementsOf(expected.keySet());
            }
            assertThat(Parameters.resolve(a, null).asMap()).as(a.name()).isEqualTo(expected);
        }
    }

    @Test
    void bindScalarShouldResolveDefaultsAndEchoTheCanonicalName() {
        BoundActivation bound = registry.bindScalar("Hardtanh", Map.of("max", 2.0));
        assertThat(bound.activation().name()).isEqualTo("hard_tanh");
        assertThat(bound.parameters().asMap()).containsExactly(Map.entry("min", -1.0), Map.entry("max", 2.0));
        assertThat(bound.function().value(5.0)).isEqualTo(2.0);
    }

    @Test
    void everyActivationShouldDescribeItself() {
        for (Activation a : catalogue) {
            ActivationDescriptor d = a.descriptor();
            assertThat(List.of(d.displayName(), d.formula(), d.derivativeFormula(), d.outputRange(), d.reference()))
                    .as(a.name()).allMatch(text -> text != null && !text.isBlank());
            assertThat(d.traits()).as(a.name()).isNotNull();
            assertThat(a.parameters()).as(a.name()).allMatch(p -> p.accepts(p.defaultValue()) && !p.description().isBlank());
        }
    }

    @ParameterizedTest
    @CsvSource({"relu, true, false, false, NEGATIVE", "tanh, true, true, true, BOTH", "gelu, false, true, true, NEGATIVE",
            "log_sigmoid, true, false, true, POSITIVE", "hard_swish, false, true, false, NEGATIVE",
            "softplus, true, false, true, NEGATIVE", "tanhshrink, true, true, true, NONE", "selu, true, true, false, NEGATIVE"})
    void traitsShouldDescribeTheShapeWithDefaultParameters(String name, boolean monotonic, boolean zeroCentered,
                                                           boolean smooth, Traits.Saturation saturates) {
        assertThat(registry.require(name).descriptor().traits()).isEqualTo(new Traits(monotonic, zeroCentered, smooth, saturates));
    }
}
