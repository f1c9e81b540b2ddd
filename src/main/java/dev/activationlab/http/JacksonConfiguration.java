package dev.activationlab.http;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.ArrayType;

/**
 * Reading of request bodies beyond what {@code spring.jackson.*} in {@code application.yml} can
 * set.
 *
 * <p>The body size limit alone does not bound memory: 64 MB of {@code [0,0,0,…]} are 32 million
 * doubles (256 MB) before any controller sees the request. The reader therefore also stops after
 * {@code activation-lab.limits.max-json-tokens} tokens (every number, bracket and field name is
 * one), which the handler answers with 413. Its other limits (nesting depth 500, numbers of 1000
 * characters, names of 50,000, strings of 100,000,000) stay Jackson's defaults.
 */
@Configuration(proxyBeanMethods = false)
public class JacksonConfiguration {

    /** {@code {"x": [1], "x": [2]}} is ambiguous: refuse it rather than keep the last value. */
    @Bean
    JsonMapperBuilderCustomizer strictDuplicateDetection() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Arrays of numbers only as JSON arrays: Jackson reads a string in place of a {@code double[]}
     * (or another primitive number array) as Base64-encoded bytes, so {@code "x": "P/AAAAAAAAA="}
     * would be the vector [1.0]. A string there is a wrong type (400), as it is everywhere else.
     */
    @Bean
    JsonMapperBuilderCustomizer numberArraysOnlyAsArrays() {
        SimpleModule module = new SimpleModule("number-arrays-only-as-arrays");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType valueType,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                Class<?> element = valueType.getContentType().getRawClass();
                boolean numbers = element.isPrimitive() && element != byte.class && element != char.class
                        && element != boolean.class;
                return numbers ? new ArrayOnly(deserializer) : deserializer;
            }
        });
        return builder -> builder.addModule(module);
    }

    /** A primitive number array's reader that refuses a string (or embedded bytes) as the array. */
    private static final class ArrayOnly extends DelegatingDeserializer {

        ArrayOnly(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new ArrayOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.hasToken(JsonToken.VALUE_STRING) || p.hasToken(JsonToken.VALUE_EMBEDDED_OBJECT)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, ctxt);
        }
    }

    /**
     * The builder of the application's {@link JsonMapper}, in place of Spring Boot's own: in Jackson 3
     * the read constraints belong to the {@link JsonFactory}, which a builder takes only when it is
     * created, so no customizer can set them. Every {@link JsonMapperBuilderCustomizer} (Spring Boot's,
     * carrying the {@code spring.jackson.*} settings, and this project's) is applied in order, as
     * Spring Boot's builder bean does.
     */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    JsonMapper.Builder jsonMapperBuilder(LimitsProperties limits,
            ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(readConstraints(limits.maxJsonTokens()))
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    /** Jackson's default read constraints with the token count bounded. */
    static StreamReadConstraints readConstraints(long maxTokens) {
        return StreamReadConstraints.defaults().rebuild().maxTokenCount(maxTokens).build();
    }
}
