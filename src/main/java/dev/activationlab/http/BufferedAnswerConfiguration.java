package dev.activationlab.http;

import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Byte-array answers handed to the {@link BufferedAnswer} whole, not copied into it: Spring's
 * byte-array converter, placed before the default one, that adopts the handler's array when the
 * response it writes to is an admitted request's buffer (and writes as usual otherwise).
 */
@Configuration(proxyBeanMethods = false)
class BufferedAnswerConfiguration implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(new AdoptingByteArrayConverter());
    }

    /** Writes a {@code byte[]} answer by reference into a {@link BufferedAnswer}. */
    static final class AdoptingByteArrayConverter extends ByteArrayHttpMessageConverter {

        @Override
        protected void writeInternal(byte[] bytes, HttpOutputMessage message) throws IOException {
            ServletResponse target = message instanceof ServletServerHttpResponse servlet
                    ? servlet.getServletResponse() : null;
            BufferedAnswer answer = BufferedAnswer.of(target);
            if (answer != null) {
                answer.adopt(bytes);
            } else {
                super.writeInternal(bytes, message);
            }
        }
    }
}
