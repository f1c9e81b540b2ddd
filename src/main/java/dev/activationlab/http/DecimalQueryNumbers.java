package dev.activationlab.http;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole-number query parameters ({@code points}, {@code layers}, {@code seed}, ...) read as
 * decimal only. Spring's default conversion, and the property editor it falls back to when a
 * conversion fails, decode {@code 0x10} and {@code #10} as 16, which no client of a numeric API
 * means; such a value is now a 400 naming the parameter, as any other malformed number. An empty
 * value still means the parameter is absent (its default, where it has one).
 */
@ControllerAdvice
class DecimalQueryNumbers {

    @InitBinder
    void decimalWholeNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(int.class, new DecimalEditor(Integer::valueOf));
        binder.registerCustomEditor(Integer.class, new DecimalEditor(Integer::valueOf));
        binder.registerCustomEditor(long.class, new DecimalEditor(Long::valueOf));
        binder.registerCustomEditor(Long.class, new DecimalEditor(Long::valueOf));
    }

    /** Reads a decimal number with optional sign and surrounding spaces; a NumberFormatException otherwise. */
    private static final class DecimalEditor extends PropertyEditorSupport {

        private final Function<String, Object> parse;

        DecimalEditor(Function<String, Object> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            setValue(text == null || text.isBlank() ? null : parse.apply(text.trim()));
        }
    }
}
