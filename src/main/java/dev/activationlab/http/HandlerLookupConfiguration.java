package dev.activationlab.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.RequestContextFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's handler lookup, remembered: the mapping chosen for a method, path, Content-Type
 * and Accept is chosen again for the same four without trying every mapping.
 *
 * <p>The API's paths carry a variable ({@code /api/v1/activations/{name}/evaluate}), so Spring
 * tests each mapping's method, media types and path pattern on every request: 18 % of the CPU of a
 * small request in a profile of workload (a) (docs/performance.md). A mapping's conditions here
 * look at nothing else (no mapping has {@code params}, {@code headers} or custom conditions; the
 * cache is off otherwise), so the remembered choice is the one Spring would make. Only successful
 * lookups are remembered, never CORS pre-flights; the cache holds at most
 * {@value CachingRequestMappingHandlerMapping#MAX_ENTRIES} choices and starts again empty when
 * full, so paths that clients make up cost memory only up to that bound.
 */
@Configuration(proxyBeanMethods = false)
public class HandlerLookupConfiguration implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new CachingRequestMappingHandlerMapping();
    }

    /**
     * No request context filter: the dispatcher servlet sets the same request and locale holders
     * itself, and nothing before it reads them; the filter set and cleared them a second time on
     * every request. Registered disabled so that Spring Boot does not add its own.
     */
    @Bean
    FilterRegistrationBean<RequestContextFilter> requestContextFilterNotRegistered() {
        FilterRegistrationBean<RequestContextFilter> registration = new FilterRegistrationBean<>(new RequestContextFilter());
        registration.setEnabled(false);
        return registration;
    }

    static final class CachingRequestMappingHandlerMapping extends RequestMappingHandlerMapping {

        static final int MAX_ENTRIES = 4096;

        private static final String MATCHED = CachingRequestMappingHandlerMapping.class.getName() + ".MATCHED";

        private final ConcurrentHashMap<LookupKey, Choice> choices = new ConcurrentHashMap<>();
        private volatile Boolean cacheable;

        private record LookupKey(String method, String path, String contentType, String accept) {
        }

        private record Choice(RequestMappingInfo mapping, HandlerMethod handler) {
        }

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            if (!isCacheable() || CorsUtils.isPreFlightRequest(request)) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            LookupKey key = new LookupKey(request.getMethod(), lookupPath, request.getContentType(),
                    request.getHeader(HttpHeaders.ACCEPT));
            Choice choice = choices.get(key);
            if (choice != null) {
                request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, choice.handler);
                handleMatch(choice.mapping, lookupPath, request);
                return choice.handler;
            }
            HandlerMethod handler = super.lookupHandlerMethod(lookupPath, request);
            if (handler != null && request.getAttribute(MATCHED) instanceof RequestMappingInfo mapping) {
                if (choices.size() >= MAX_ENTRIES) {
                    choices.clear();
                }
                choices.put(key, new Choice(mapping, handler));
            }
            return handler;
        }

        @Override
        protected void handleMatch(RequestMappingInfo mapping, String lookupPath, HttpServletRequest request) {
            super.handleMatch(mapping, lookupPath, request);
            request.setAttribute(MATCHED, mapping);
        }

        /** Whether every mapping's conditions look only at the method, path and media types. */
        private boolean isCacheable() {
            Boolean known = cacheable;
            if (known == null) {
                known = getHandlerMethods().keySet().stream().allMatch(mapping ->
                        mapping.getParamsCondition().isEmpty() && mapping.getHeadersCondition().isEmpty()
                                && mapping.getCustomCondition() == null);
                cacheable = known;
            }
            return known;
        }
    }
}
