package dev.activationlab.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PushbackInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class BufferedBodyRequestTest {

    private final byte[] body = {1, 2, 3, 4, 5};

    private InputStream stream() {
        return new BufferedBodyRequest(new MockHttpServletRequest(), body).getInputStream();
    }

    @Test
    void readAllBytesShouldHandOverTheBodyItselfWhenNothingWasRead() throws Exception {
        assertThat(stream().readAllBytes()).isSameAs(body);
    }

    @Test
    void readNBytesOfTheContentLengthShouldHandOverTheBodyItself() throws Exception {
        InputStream in = stream();

        assertThat(in.readNBytes(body.length)).isSameAs(body);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void peekingByMarkAndResetShouldStillHandOverTheBodyItself() throws Exception {
        // What Spring's check for an empty body does when the stream supports mark and reset.
        InputStream in = stream();
        assertThat(in.markSupported()).isTrue();

        in.mark(1);
        assertThat(in.read()).isEqualTo(1);
        in.reset();

        assertThat(in.readNBytes(body.length)).isSameAs(body);
    }

    @Test
    void readingThePartLeftShouldGiveACopyOfIt() throws Exception {
        InputStream in = stream();
        in.read();

        byte[] rest = in.readAllBytes();

        assertThat(rest).containsExactly(2, 3, 4, 5).isNotSameAs(body);
        assertThat(in.readAllBytes()).isEmpty();
    }

    @Test
    void readNBytesShorterThanTheBodyShouldGiveACopyOfThatMany() throws Exception {
        InputStream in = stream();

        assertThat(in.readNBytes(2)).containsExactly(1, 2);
        assertThat(in.readNBytes(10)).containsExactly(3, 4, 5);
    }

    @Test
    void theBodyShouldReadTheSameThroughAWrapperThatCannotMark() throws Exception {
        PushbackInputStream wrapped = new PushbackInputStream(stream());

        assertThat(wrapped.readAllBytes()).containsExactly(body);
    }
}
