package dev.activationlab.http;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;

/**
 * Reads and writes JSON numbers with Jackson's fast algorithms: most of the time of a long
 * evaluate request goes into turning decimal text into doubles and back.
 *
 * <p>Both are exact: the fast parser (Lemire's algorithm, on by default in Jackson 3; enabled here
 * so that it stays on) rounds correctly like {@link Double#parseDouble}, and the fast writer
 * (Giulietti's Schubfach) prints the shortest decimal that reads back as the same double, which
 * JDK 17's {@link Double#toString(double)} does not always find and takes several times longer to
 * compute. Every double therefore makes the round trip bit for bit.
 */
@Configuration(proxyBeanMethods = false)
public class JsonNumbersConfiguration {

    @Bean
    JsonMapperBuilderCustomizer fastDoubleParsingAndWriting() {
        return builder -> builder
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
    }
}
