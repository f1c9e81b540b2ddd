package dev.activationlab.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonNumbersConfigurationTest {

    private final JsonMapper mapper = customizedMapper();

    private static JsonMapper customizedMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new JsonNumbersConfiguration().fastDoubleParsingAndWriting().customize(builder);
        return builder.build();
    }

    /** A record shaped like the evaluate response, so that the array goes through the bean serializer. */
    record Values(double[] values) {
    }

    @Test
    void writeShouldPrintTheShortestDecimalThatReadsBackAsTheSameDouble() {
        // JDK 17's Double.toString prints 9.999999999999999E22, 1.9999999999999998E23 and
        // 2.82879384806159008E17 for these three: longer than needed.
        String json = mapper.writeValueAsString(new Values(new double[] {1e23, 2e23, 2.82879384806159E17}));

        assertThat(json).isEqualTo("{\"values\":[1.0E23,2.0E23,2.82879384806159E17]}");
    }

    @Test
    void readAndWriteShouldRoundTripEveryDoubleBitForBit() {
        SplittableRandom random = new SplittableRandom(11);
        double[] values = new double[20_000];
        for (int i = 0; i < values.length; i++) {
            // Uniform bit patterns cover every exponent, subnormals included; skip NaN and infinities.
            double v;
            do {
                v = Double.longBitsToDouble(random.nextLong());
            } while (!Double.isFinite(v));
            values[i] = v;
        }
        values[0] = Double.MIN_VALUE;
        values[1] = -Double.MAX_VALUE;
        values[2] = Double.MIN_NORMAL;
        values[3] = -0.0;
        values[4] = 0.1;

        double[] back = mapper.readValue(mapper.writeValueAsString(new Values(values)), Values.class).values();

        assertThat(back).hasSameSizeAs(values);
        for (int i = 0; i < values.length; i++) {
            assertThat(Double.doubleToRawLongBits(back[i])).as("values[%d] = %s", i, values[i])
                    .isEqualTo(Double.doubleToRawLongBits(values[i]));
        }
    }
}
