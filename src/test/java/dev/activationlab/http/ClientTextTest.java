package dev.activationlab.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.activationlab.activation.UnknownActivationException;
import org.junit.jupiter.api.Test;

class ClientTextTest {

    @Test
    void shortTextShouldBeKeptAsItIs() {
        assertThat(ClientText.shorten("leaky_relu")).isEqualTo("leaky_relu");
        assertThat(ClientText.shorten("a".repeat(64))).isEqualTo("a".repeat(64));
        assertThat(ClientText.shorten("")).isEmpty();
        assertThat(ClientText.shorten(null)).isNull();
    }

    @Test
    void longTextShouldBeCutToSixtyFourCharactersAndAnEllipsis() {
        assertThat(ClientText.shorten("a".repeat(65))).isEqualTo("a".repeat(64) + "…");
        assertThat(ClientText.shorten("b".repeat(1_000_000))).isEqualTo("b".repeat(64) + "…");
    }

    @Test
    void characterOutsideTheBasicPlaneShouldNotBeCutInHalf() {
        String clef = "\uD834\uDD1E";   // U+1D11E, two UTF-16 units
        String text = clef.repeat(70);

        assertThat(ClientText.shorten(text)).isEqualTo(clef.repeat(64) + "…");
        assertThat(ClientText.shorten(clef.repeat(64))).isEqualTo(clef.repeat(64));
    }

    @Test
    void unknownActivationShouldEchoAShortenedName() {
        UnknownActivationException e = new UnknownActivationException("x".repeat(500), java.util.List.of("relu"));

        assertThat(e.getMessage()).contains("'" + "x".repeat(64) + "…'").doesNotContain("x".repeat(65));
    }
}
