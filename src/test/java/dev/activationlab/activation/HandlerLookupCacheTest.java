package dev.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.activationlab.ApiSliceTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The remembered handler lookup ({@code http.HandlerLookupConfiguration}) chooses what Spring's own lookup chooses: one path answered by the
 * JSON handler, the binary handler, 415 and 405 in turn, each asked twice (the second time from the
 * cache), and again in the next repetition.
 */
@ApiSliceTest(ActivationController.class)
class HandlerLookupCacheTest {

    private static final String EVALUATE = "/api/v1/activations/relu/evaluate";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private RequestMappingHandlerMapping handlerMapping;

    @RepeatedTest(2)
    void samePathWithOtherMethodOrMediaTypesShouldReachItsOwnHandlerOrError() {
        assertThat(handlerMapping.getClass().getSimpleName()).isEqualTo("CachingRequestMappingHandlerMapping");
        for (int i = 0; i < 2; i++) {
            assertThat(mvc.post().uri(EVALUATE).contentType(MediaType.APPLICATION_JSON).content("{\"x\": [-1, 2]}"))
                    .hasStatus(200).hasContentType(MediaType.APPLICATION_JSON)
                    .bodyJson().extractingPath("$.values").isEqualTo(java.util.List.of(0.0, 2.0));

            MvcTestResult binary = mvc.post().uri(EVALUATE).contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .accept(MediaType.APPLICATION_OCTET_STREAM).content(float64(-1, 2)).exchange();
            assertThat(binary).hasStatus(200).hasContentType(MediaType.APPLICATION_OCTET_STREAM);
            assertThat(binary.getResponse().getContentAsByteArray()).isEqualTo(float64(0, 2));

            assertThat(mvc.post().uri(EVALUATE).contentType(MediaType.TEXT_PLAIN).content("x")).hasStatus(415);
            assertThat(mvc.get().uri(EVALUATE)).hasStatus(405);
            assertThat(mvc.post().uri("/api/v1/activations/no-such-thing/evaluate")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"x\": [1]}")).hasStatus(404);
        }
    }

    private static byte[] float64(double... values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            buffer.putDouble(value);
        }
        return buffer.array();
    }
}
