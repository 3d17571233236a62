package org.hearth.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** The HTTP plumbing every module's API shares: error containment, idempotency and the API docs. */
@Configuration(proxyBeanMethods = false)
class WebPlatformConfiguration {

    /** The version of the HTTP API, as in its base path {@code /api/v1}. */
    static final String API_VERSION = "v1";

    /** Just inside the tracing filter (HIGHEST_PRECEDENCE + 1), outside everything else. */
    @Bean
    FilterRegistrationBean<ErrorContainmentFilter> errorContainmentFilter(TraceIds traceIds) {
        FilterRegistrationBean<ErrorContainmentFilter> registration =
                new FilterRegistrationBean<>(new ErrorContainmentFilter(traceIds));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotencyStore idempotencyStore(
            Clock clock,
            @Value("${hearth.idempotency.retention:PT24H}") Duration retention,
            @Value("${hearth.idempotency.max-entries:100000}") long maxEntries) {
        return new InMemoryIdempotencyStore(clock, retention, maxEntries);
    }

    /** After Spring Security's filter chain, so the key can be scoped by the authenticated principal. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyStore store, @Value("${hearth.idempotency.max-body-size:1MB}") DataSize maxBodySize) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, Math.toIntExact(maxBodySize.toBytes())));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    @Bean
    OpenAPI hearthOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Hearth")
                        .version(API_VERSION)
                        .description("The HTTP API of Hearth, a self-hostable platform for AI-assisted "
                                + "mental-health support. Errors are RFC 9457 problem details."));
    }
}
