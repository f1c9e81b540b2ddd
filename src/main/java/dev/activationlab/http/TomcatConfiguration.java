package dev.activationlab.http;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Makes the embedded Tomcat answer the errors it raises itself (before any servlet runs) with
 * problem documents instead of its HTML error page.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatConfiguration {

    @Bean
    ProblemErrorReportCustomizer problemErrorReportCustomizer() {
        return new ProblemErrorReportCustomizer();
    }

    /**
     * Replaces the host's error report valve, including the one Spring Boot adds, with
     * {@link ProblemErrorReportValve}. Ordered last so that it runs after Boot's own customizer.
     */
    static final class ProblemErrorReportCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof Host host) {
                    installProblemErrorReport(host);
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private static void installProblemErrorReport(Host host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemErrorReportValve());
        if (host instanceof StandardHost standard) {
            // Otherwise the host would add its default HTML report when it starts.
            standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
    }
}
