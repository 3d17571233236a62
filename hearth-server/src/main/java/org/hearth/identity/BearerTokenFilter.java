package org.hearth.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests from {@code Authorization: Bearer …} (an access token or an API key)
 * or {@code X-Api-Key}. A presented but unknown, expired or revoked credential is refused at once
 * with 401 rather than treated as anonymous, so a client learns its token is dead; except on the
 * public paths, where a client that attaches its expired access token to every call must still be
 * able to refresh or sign in again.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final Set<String> PUBLIC_PATHS =
            Set.of("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/safety/resources");

    private final Tokens tokens;
    private final ApiKeys apiKeys;
    private final ProblemResponses problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(Tokens tokens, ApiKeys apiKeys, ProblemResponses problems) {
        this.tokens = tokens;
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String credential = credential(request);
        if (credential == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<BearerAuthentication> authentication = credential.startsWith(ApiKeys.PREFIX)
                ? apiKeys.resolve(credential).map(caller -> new BearerAuthentication(caller, null))
                : tokens.resolve(credential).map(r -> new BearerAuthentication(r.caller(), r.familyId()));
        if (authentication.isEmpty()) {
            contexts.clearContext();
            if (PUBLIC_PATHS.contains(
                    request.getRequestURI().substring(request.getContextPath().length()))) {
                chain.doFilter(request, response);
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    ProblemTypes.INVALID_TOKEN,
                    "Invalid token",
                    "The token or API key is unknown, expired or revoked.");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication.get());
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    private static @Nullable String credential(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String value = header.substring(7).strip();
            return value.isEmpty() ? null : value;
        }
        String apiKey = request.getHeader("X-Api-Key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }
}
