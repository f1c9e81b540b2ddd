package dev.activationlab.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Gives the actuator's bodiless error answers (an unknown health group or component is a 404
 * with no body) a problem document, like every other 4xx of the service. Only paths under
 * {@code /actuator/} are held back until complete; a 406 stays bodiless, since the client
 * accepts no JSON.
 */
@Component
public class BodilessErrorFilter extends OncePerRequestFilter {

    private static final String ACTUATOR = "/actuator/";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith(ACTUATOR);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        int status = held.getStatus();
        if (status >= 400 && status != HttpStatus.NOT_ACCEPTABLE.value() && held.getContentSize() == 0
                && !response.isCommitted() && !"HEAD".equals(request.getMethod())) {
            ProblemType kind = ProblemType.forStatus(status);
            String detail = ProblemErrorReportValve.detail(status);
            held.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            held.getOutputStream().write(ProblemJson.of(kind, status, detail, request.getRequestURI(), null)
                    .getBytes(StandardCharsets.UTF_8));
        }
        held.copyBodyToResponse();
    }
}
