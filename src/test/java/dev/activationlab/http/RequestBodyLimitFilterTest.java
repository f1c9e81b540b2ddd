package dev.activationlab.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** The body filter on its own: sizes and charsets, without a server. */
class RequestBodyLimitFilterTest {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(new LimitsProperties(10, 10,
            DataSize.ofKilobytes(1), 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 100, 10, 1000, 1000, 10, 10));

    private static MockHttpServletRequest post(String contentType, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/activations/relu/evaluate");
        request.setContentType(contentType);
        request.setContent(body);
        return request;
    }

    @Test
    void bodyInAnUnknownCharsetShouldBeRefusedWithUnsupportedMediaType() throws Exception {
        for (String charset : new String[] {"no-such-charset", "bad name!", "x".repeat(300)}) {
            MockHttpServletRequest request = post("application/json;charset=" + charset,
                    "{\"x\": [1]}".getBytes(StandardCharsets.UTF_8));
            MockHttpServletResponse response = new MockHttpServletResponse();
            AtomicReference<Boolean> passedOn = new AtomicReference<>(false);

            filter.doFilter(request, response, (req, res) -> passedOn.set(true));

            assertThat(response.getStatus()).as(charset).isEqualTo(415);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getContentAsString()).contains("urn:activation-lab:problem:unsupported-media-type")
                    .doesNotContain("Exception", "x".repeat(65));
            assertThat(passedOn.get()).isFalse();
        }
    }

    @Test
    void readerShouldDecodeTheDeclaredCharset() throws Exception {
        byte[] latin1 = "{\"name\": \"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        MockHttpServletRequest request = post("application/json;charset=ISO-8859-1", latin1);
        AtomicReference<String> read = new AtomicReference<>();
        FilterChain chain = (req, res) -> read.set(((BufferedReader) req.getReader()).readLine());

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(read.get()).isEqualTo("{\"name\": \"\u00e9\"}");
    }

    @Test
    void readerOfARequestWithoutBodyShouldNotFailOnAnUnknownCharset() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/activations");
        request.setCharacterEncoding("no-such-charset");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> read = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> read.set(String.valueOf(req.getReader().read())));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(read.get()).isEqualTo("-1");
    }
}
