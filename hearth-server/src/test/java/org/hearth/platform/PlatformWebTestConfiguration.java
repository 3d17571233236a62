package org.hearth.platform;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Test-only web setup for the platform's HTTP tests: a security chain that lets everyone in (the
 * identity module owns the real one), a controller that fails in every way the problem handling
 * must cover, and a filter that fails outside Spring MVC.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({TestClockConfiguration.class, PlatformWebTestConfiguration.TestController.class})
public class PlatformWebTestConfiguration {

    static final String SECRET = "I-feel-hopeless-member-text";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain permitAllForPlatformTests(HttpSecurity http) throws Exception {
        // Only the test controller's paths (and one unknown route) are opened; everything else goes
        // through the application's real security chains.
        return http.securityMatcher("/api/test/**", "/api/v1/nothing-here", "/no/such/page")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    FilterRegistrationBean<Filter> failingFilter() {
        Filter filter = (request, response, chain) -> {
            if (((HttpServletRequest) request).getRequestURI().equals("/api/test/filter-failure")) {
                throw new IllegalStateException("filter failed on " + SECRET);
            }
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(0);
        return registration;
    }

    record Form(@NotBlank String name, @Min(1) @Max(10) int mood) {}

    record Echo(int count, String text) {}

    @RestController
    @RequestMapping("/api/test")
    static class TestController {

        private static final Logger log = LoggerFactory.getLogger(TestController.class);

        static final AtomicInteger calls = new AtomicInteger();
        static volatile CountDownLatch entered = new CountDownLatch(1);
        static volatile CountDownLatch release = new CountDownLatch(1);

        @PostMapping("/validated")
        Form validated(@Valid @RequestBody Form form) {
            return form;
        }

        @GetMapping("/typed/{id}")
        String typed(@PathVariable UUID id) {
            return id.toString();
        }

        @GetMapping("/gone")
        String gone() {
            throw new ResponseStatusException(HttpStatus.GONE, "This was removed.");
        }

        @GetMapping("/conflict")
        String conflict() {
            throw Problems.conflict("thread-closed", "The thread is closed.");
        }

        @GetMapping("/invalid")
        String invalid() {
            throw Problems.invalid("The slot is not bookable.", Map.of("slotId", "is taken"));
        }

        @GetMapping("/failure")
        String failure() {
            throw new IllegalStateException("could not process " + SECRET);
        }

        @GetMapping("/denied")
        String denied() {
            throw new AccessDeniedException("no");
        }

        @GetMapping("/logged")
        String logged() {
            log.info("platform test request handled");
            return "ok";
        }

        @PostMapping("/echo")
        ResponseEntity<Echo> echo(@RequestBody String text) {
            int count = calls.incrementAndGet();
            return ResponseEntity.created(URI.create("/api/test/echo/" + count)).body(new Echo(count, text));
        }

        @PostMapping("/slow")
        Echo slow(@RequestBody String text) throws InterruptedException {
            entered.countDown();
            if (!release.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the request");
            }
            return new Echo(calls.incrementAndGet(), text);
        }

        @PostMapping("/broken")
        Echo broken(@RequestBody String text) {
            calls.incrementAndGet();
            throw new IllegalStateException("broken");
        }
    }
}
