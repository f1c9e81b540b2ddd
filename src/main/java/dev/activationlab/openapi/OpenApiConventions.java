package dev.activationlab.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document says in the same way everywhere, so that linters (Spectral's
 * {@code spectral:oas}, Redocly's {@code recommended}) and generated clients read it as the service
 * answers: a field that can be {@code null} says so, every operation declares that it needs no
 * credentials, and a numeric default is a number.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConventions {

    private static final Set<Class<?>> BOXED = Set.of(Boolean.class, Byte.class, Short.class, Integer.class,
            Long.class, Float.class, Double.class);

    /**
     * A boxed field ({@code Integer}, {@code Double}, {@code Boolean}, ...) of a record is null where
     * it has no value, e.g. {@code vanishedAfterLayers} of a chain whose gradient never vanishes, or
     * the {@code minimum} of an unbounded parameter: OpenAPI 3.1 writes that {@code type: [integer,
     * "null"]}. A field left out of the JSON when null ({@code @JsonInclude(NON_NULL)}) stays as it is.
     */
    @Bean
    PropertyCustomizer nullableBoxedProperties() {
        return (property, type) -> {
            if (property == null || property.get$ref() != null || !BOXED.contains(rawClass(type.getType()))
                    || omittedWhenNull(type)) {
                return property;
            }
            Set<String> types = new LinkedHashSet<>();
            if (property.getTypes() != null) {
                types.addAll(property.getTypes());
            } else if (property.getType() != null) {
                types.add(property.getType());
            }
            if (!types.isEmpty() && types.add("null")) {
                property.setTypes(types);
            }
            return property;
        };
    }

    /**
     * {@code security: []} on every operation: the API is public and needs no credentials, said
     * where each operation is read. Numeric defaults given as text in {@code @Schema(defaultValue)}
     * become numbers, the example of a string is text (not the JSON it spells), and a field's
     * {@code @Schema(oneOf)} replaces the reference to its Java type.
     */
    @Bean
    OpenApiCustomizer publicOperationsAndSchemaTidying() {
        return openApi -> {
            Map<Schema<?>, Boolean> seen = new IdentityHashMap<>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                    operation.setSecurity(new ArrayList<>());
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(parameter -> tidy(parameter.getSchema(), seen));
                    }
                    if (operation.getResponses() != null) {
                        operation.getResponses().values().stream().filter(response -> response.getHeaders() != null)
                                .forEach(response -> response.getHeaders().values()
                                        .forEach(header -> tidy(header.getSchema(), seen)));
                    }
                }));
            }
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().values().forEach(schema -> tidy(schema, seen));
            }
        };
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof JavaType javaType) {
            return javaType.getRawClass();
        }
        return type instanceof Class<?> c ? c : null;
    }

    private static boolean omittedWhenNull(AnnotatedType type) {
        if (type.getCtxAnnotations() == null) {
            return false;
        }
        for (Annotation annotation : type.getCtxAnnotations()) {
            if (annotation instanceof JsonInclude include && include.value() != JsonInclude.Include.ALWAYS
                    && include.value() != JsonInclude.Include.USE_DEFAULTS) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void tidy(Schema schema, Map<Schema<?>, Boolean> seen) {
        if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        if (schema.getDefault() instanceof String text && isNumeric(schema)) {
            try {
                BigDecimal number = new BigDecimal(text);
                schema.setDefault(hasType(schema, "integer") ? (Object) number.longValueExact() : number);
            } catch (ArithmeticException | NumberFormatException e) {
                // Not a number after all: left for the linters to report.
            }
        }
        if (hasType(schema, "string") && schema.getExample() != null && !(schema.getExample() instanceof String)) {
            // @Schema(example = "{\"alpha\":0.1}") of a string (a header carrying JSON) is read as
            // JSON; the example of a string is that text.
            try {
                schema.setExample(Json.mapper().writeValueAsString(schema.getExample()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // Left as it is, for the linters to report.
            }
        }
        if (schema.get$ref() != null && schema.getOneOf() != null) {
            // @Schema(oneOf = ...) on a field: the choice, not the Java type's $ref beside it (in 3.1
            // a $ref's siblings apply too, so both would have to hold).
            schema.set$ref(null);
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(p -> tidy(p, seen));
        }
        tidy(schema.getItems(), seen);
        dropNull(schema.getItems());
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            tidy(additional, seen);
            dropNull(additional);
        }
        for (List<Schema> parts : new List[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
            if (parts != null) {
                parts.forEach(p -> tidy(p, seen));
            }
        }
    }

    /**
     * The items of a list and the values of a map are never null (a request with one is refused),
     * although the property customizer sees their boxed type as it sees a field's.
     */
    private static void dropNull(Schema<?> schema) {
        if (schema != null && schema.getTypes() != null && schema.getTypes().contains("null")) {
            Set<String> types = new LinkedHashSet<>(schema.getTypes());
            types.remove("null");
            schema.setTypes(types);
        }
    }

    private static boolean isNumeric(Schema<?> schema) {
        return hasType(schema, "number") || hasType(schema, "integer");
    }

    private static boolean hasType(Schema<?> schema, String type) {
        return type.equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains(type));
    }
}
