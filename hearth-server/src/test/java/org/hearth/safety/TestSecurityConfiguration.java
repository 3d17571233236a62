package org.hearth.safety;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Until identity's security configuration is merged: method security on, the public safety pages
 * open, everything else signed in, CSRF for the web forms. Tests sign in with MockMvc's
 * {@code authentication(...)} post-processor carrying a {@code Caller}.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableMethodSecurity
public class TestSecurityConfiguration {

    /**
     * Limited to the safety and notify paths and ordered first, so that it sits beside identity's
     * catch-all chain once that is merged instead of clashing with it.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain testSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(
                        "/api/v1/safety/**",
                        "/api/v1/notifications/**",
                        "/help",
                        "/responder/**",
                        "/css/**",
                        "/webjars/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/help", "/api/v1/safety/resources", "/css/**", "/webjars/**", "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }
}
