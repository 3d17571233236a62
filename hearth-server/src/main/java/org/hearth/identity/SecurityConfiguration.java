package org.hearth.identity;

import jakarta.servlet.DispatcherType;
import org.hearth.platform.DataProtection;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains: {@code /api/**} is stateless with bearer tokens or API keys and answers 401/403
 * as problem details; everything else is the web UI with a session cookie, CSRF protection and a
 * sign-in form. Both send the same strict security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({IdentityProperties.class, BootstrapProperties.class})
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private static final String[] PUBLIC_PAGES = {
        "/",
        "/signin",
        "/signup",
        "/recover",
        "/help",
        "/help/**",
        "/css/**",
        "/js/**",
        "/webjars/**",
        "/images/**",
        "/favicon.ico",
        "/error",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/prometheus",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html"
    };

    /** Argon2id with OWASP's parameters: 19 MiB of memory, two passes, one lane (about 30 ms here). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    @Bean
    AuthenticationProvider formSignIn(SignIn signIn) {
        return new FormSignIn(signIn);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, Tokens tokens, ApiKeys apiKeys, ProblemResponses problems)
            throws Exception {
        http.securityMatcher("/api/**")
                // A streamed answer (SSE) finishes on an async dispatch, which carries no bearer token:
                // the request was authorized when it came in, so its async completion is let through.
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/auth/register",
                                "/api/v1/auth/login",
                                "/api/v1/auth/refresh",
                                "/api/v1/auth/recover")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/safety/resources")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, apiKeys, problems), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer credentials are not sent by browsers on their own, so there is nothing to forge.
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            problems.write(
                                    response,
                                    HttpStatus.UNAUTHORIZED,
                                    ProblemTypes.UNAUTHENTICATED,
                                    "Unauthorized",
                                    "Sign in and send the access token as a bearer token.");
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                response,
                                HttpStatus.FORBIDDEN,
                                ProblemTypes.FORBIDDEN,
                                "Forbidden",
                                "Your role does not allow this.")))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(
            HttpSecurity http, AuthenticationProvider formSignIn, DataProtection protection, SessionRegistry sessions)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Role.ORG_ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .authenticationManager(new ProviderManager(formSignIn))
                .formLogin(form -> form.loginPage("/signin")
                        .loginProcessingUrl("/signin")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .authenticationDetailsSource(FormSignIn.Details::of)
                        .failureHandler(FormSignIn.failureHandler())
                        .defaultSuccessUrl("/", false)
                        .permitAll())
                // Signing out locks a private journal again, as the API's logout does.
                .logout(logout -> logout.logoutUrl("/signout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null
                                    && authentication.getPrincipal() instanceof Caller caller
                                    && caller.userId() != null) {
                                protection.lock(caller.userId());
                            }
                        })
                        .logoutSuccessUrl("/signin?logout")
                        .permitAll())
                // Every session is registered, so erasure and recovery can end all of a person's.
                .sessionManagement(session ->
                        session.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/signin?ended"))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny());
    }
}
