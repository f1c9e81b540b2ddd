package dev.activationlab.activation;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.util.JsonParserSequence;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.util.TokenBuffer;

/**
 * The {@code x} of evaluate and derivative: one vector ({@code [1, 2]}) or a batch of rows
 * ({@code [[1, 2], [3, 4]]}). Exactly one of the two is set.
 *
 * @param vector a vector of numbers, as read
 * @param rows   the rows of a batch, as read: not yet checked to be of one length, a row may be null
 */
@Schema(name = "PreActivations", type = "array", description = "One vector of numbers, or a batch: an array of rows of one length.",
        oneOf = {double[].class, double[][].class}, example = "[[-2, -0.5, 0], [0.5, 2, 4]]")
@JsonDeserialize(using = PreActivations.Reader.class)
public record PreActivations(@Schema(hidden = true) double[] vector, @Schema(hidden = true) double[][] rows) {

    /** True for a batch of rows. */
    @Schema(hidden = true)
    public boolean isBatch() {
        return rows != null;
    }

    /**
     * Reads a vector as Jackson reads {@code double[]} and a batch as it reads {@code double[][]}:
     * it looks at the first element only, puts the opening bracket back in front of the stream
     * and hands the rest to Jackson's own array readers, so that every error (a string or null
     * among the numbers, malformed JSON, the token limit) is reported as it was for a plain
     * {@code double[]}, with its JSON path ({@code x[3]}, {@code x[1][2]}).
     */
    static final class Reader extends ValueDeserializer<PreActivations> {

        private static final double[] FIRST = new double[0];

        /** Jackson's readers of {@code double[]} and {@code double[][]}; null before contextualisation. */
        private final ValueDeserializer<Object> vectors;
        private final ValueDeserializer<Object> batches;

        Reader() {
            this(null, null);
        }

        private Reader(ValueDeserializer<Object> vectors, ValueDeserializer<Object> batches) {
            this.vectors = vectors;
            this.batches = batches;
        }

        /**
         * Looks Jackson's array readers up once: its cache does not keep primitive-array readers,
         * so a lookup per request built a new one each time (4.5 % of a small evaluate's CPU).
         */
        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            return new Reader(ctxt.findRootValueDeserializer(ctxt.constructType(double[].class)),
                    ctxt.findRootValueDeserializer(ctxt.constructType(double[][].class)));
        }

        @Override
        public PreActivations deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.isExpectedStartArrayToken()) {
                return new PreActivations(read(p, ctxt, vectors, double[].class), null);   // reports the wrong type
            }
            JsonToken first;
            try {
                first = p.nextToken();
            } catch (JacksonException e) {
                throw JacksonException.wrapWithPath(e, FIRST, 0);   // x[0], as Jackson's array reader names it
            }
            TokenBuffer openingBracket = ctxt.bufferForInputBuffering(p);
            openingBracket.writeStartArray();
            JsonParser replay = JsonParserSequence.createFlattened(true, openingBracket.asParser(ctxt), p);
            replay.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return new PreActivations(null, read(replay, ctxt, batches, double[][].class));
            }
            return new PreActivations(read(replay, ctxt, vectors, double[].class), null);
        }

        private static <T> T read(JsonParser p, DeserializationContext ctxt, ValueDeserializer<Object> reader,
                Class<T> type) {
            return reader == null ? ctxt.readValue(p, type) : type.cast(reader.deserialize(p, ctxt));
        }
    }
}
