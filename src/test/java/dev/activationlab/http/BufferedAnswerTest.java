package dev.activationlab.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponseWrapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class BufferedAnswerTest {

    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final BufferedAnswer answer = new BufferedAnswer(response);

    @Test
    void anAdoptedAnswerShouldBeHeldWithoutACopyAndWrittenWithItsLength() throws Exception {
        byte[] bytes = "0123456789".getBytes(StandardCharsets.US_ASCII);
        answer.setHeader("Content-Length", "10");

        answer.adopt(bytes);

        assertThat(answer.wholeAnswer()).isSameAs(bytes);
        assertThat(answer.getContentSize()).isEqualTo(10);
        assertThat(answer.getContentInputStream().readAllBytes()).containsExactly(bytes);
        assertThat(response.getContentLength()).isZero();

        answer.copyBodyToResponse();

        assertThat(response.getContentAsByteArray()).containsExactly(bytes);
        assertThat(response.getContentLength()).isEqualTo(10);
        assertThat(response.getHeaders("Content-Length")).containsExactly("10");
        assertThat(answer.wholeAnswer()).isNull();
    }

    @Test
    void writesAfterAnAdoptedAnswerShouldFollowIt() throws Exception {
        answer.adopt("abc".getBytes(StandardCharsets.US_ASCII));
        answer.getOutputStream().write("def".getBytes(StandardCharsets.US_ASCII));
        answer.getOutputStream().write('g');

        assertThat(answer.wholeAnswer()).isNull();
        assertThat(answer.getContentSize()).isEqualTo(7);
        answer.copyBodyToResponse();
        assertThat(response.getContentAsString()).isEqualTo("abcdefg");
        assertThat(response.getContentLength()).isEqualTo(7);
    }

    @Test
    void anAnswerAdoptedAfterWritesShouldBeCopiedAfterThem() throws Exception {
        answer.getOutputStream().write("ab".getBytes(StandardCharsets.US_ASCII));
        byte[] rest = "cd".getBytes(StandardCharsets.US_ASCII);

        answer.adopt(rest);

        assertThat(answer.wholeAnswer()).isNull();
        answer.copyBodyToResponse();
        assertThat(response.getContentAsString()).isEqualTo("abcd");
    }

    @Test
    void aWriterAfterAnAdoptedAnswerShouldFollowIt() throws Exception {
        answer.setCharacterEncoding("UTF-8");
        answer.adopt("ab".getBytes(StandardCharsets.US_ASCII));
        answer.getWriter().write("c");

        answer.copyBodyToResponse();

        assertThat(response.getContentAsString()).isEqualTo("abc");
    }

    @Test
    void resettingTheBufferShouldDropAnAdoptedAnswer() throws Exception {
        answer.adopt(new byte[] {1, 2, 3});

        answer.resetBuffer();

        assertThat(answer.getContentSize()).isZero();
        assertThat(answer.wholeAnswer()).isNull();
    }

    @Test
    void ofShouldFindTheAnswerOnlyBehindSpringsAsynchronousGuard() {
        assertThat(BufferedAnswer.of(answer)).isSameAs(answer);
        assertThat(BufferedAnswer.of(new HttpServletResponseWrapper(answer))).isNull();
        assertThat(BufferedAnswer.of(response)).isNull();
        assertThat(BufferedAnswer.of(null)).isNull();
    }
}
