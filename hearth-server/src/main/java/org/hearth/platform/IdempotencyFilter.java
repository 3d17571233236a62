package org.hearth.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes unsafe requests that carry an {@code Idempotency-Key} safe to retry: the first answer is kept
 * for the caller and key, and a repeat gets that answer again instead of a second side effect.
 *
 * <p>Keys are scoped by the authenticated principal's name, so it runs after Spring Security's
 * filters. Anonymous requests pass through untouched: without a principal there is nobody to scope
 * the key to, and replaying, say, a sign-in answer to whoever guesses the key would leak it. Browser
 * form posts and event streams pass through too (their bodies are parsed or streamed elsewhere).
 * Bodies are hashed and stored, never logged.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_KEY_LENGTH = 255;
    private static final String CLAIM_ATTRIBUTE = IdempotencyFilter.class.getName() + ".claim";

    private record ClaimedKey(String scope, String key) {}

    private final IdempotencyStore store;
    private final int maxBodyBytes;
    private final JsonMapper json = JsonMapper.builder().build();

    IdempotencyFilter(IdempotencyStore store, int maxBodyBytes) {
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        // An async answer is finished (stored and copied out) on its final dispatch.
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            try {
                chain.doFilter(request, response);
            } finally {
                finishIfDone(request, response);
            }
            return;
        }
        String key = request.getHeader(HEADER);
        String scope = scope();
        if (key == null || scope == null || !UNSAFE.contains(request.getMethod()) || passesThrough(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            problem(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "idempotency-key-invalid",
                    "Invalid Idempotency-Key",
                    "The Idempotency-Key header must have 1 to " + MAX_KEY_LENGTH + " characters.");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            problem(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "content-too-large",
                    "Content too large",
                    "The request body is larger than an idempotent request may be.");
            return;
        }
        switch (store.begin(scope, key, fingerprint(request, body))) {
            case IdempotencyStore.Claim.Replay replay -> replay(response, replay.response());
            case IdempotencyStore.Claim.Mismatch mismatch ->
                problem(
                        response,
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "idempotency-key-reused",
                        "Idempotency-Key reused",
                        "This Idempotency-Key was already used for a different request.");
            case IdempotencyStore.Claim.InFlight inFlight ->
                problem(
                        response,
                        HttpStatus.CONFLICT,
                        "idempotency-request-in-progress",
                        "Request in progress",
                        "A request with this Idempotency-Key is still being processed; retry later.");
            case IdempotencyStore.Claim.Started started -> {
                request.setAttribute(CLAIM_ATTRIBUTE, new ClaimedKey(scope, key));
                ContentCachingResponseWrapper capturing = new ContentCachingResponseWrapper(response);
                try {
                    chain.doFilter(new BufferedBodyRequest(request, body), capturing);
                } catch (IOException | ServletException | RuntimeException | Error e) {
                    request.removeAttribute(CLAIM_ATTRIBUTE);
                    store.abandon(scope, key);
                    throw e;
                }
                finishIfDone(request, capturing);
            }
        }
    }

    private void finishIfDone(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.isAsyncStarted()) {
            return;
        }
        ContentCachingResponseWrapper capturing =
                WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
        if (!(request.getAttribute(CLAIM_ATTRIBUTE) instanceof ClaimedKey claimed) || capturing == null) {
            return;
        }
        request.removeAttribute(CLAIM_ATTRIBUTE);
        int status = capturing.getStatus();
        if (status >= 500) {
            // The server failed; the client may try again and should get a real second attempt.
            store.abandon(claimed.scope(), claimed.key());
        } else {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            String contentType = capturing.getContentType();
            if (contentType != null) {
                headers.put(HttpHeaders.CONTENT_TYPE, List.of(contentType));
            }
            String location = capturing.getHeader(HttpHeaders.LOCATION);
            if (location != null) {
                headers.put(HttpHeaders.LOCATION, List.of(location));
            }
            store.complete(
                    claimed.scope(),
                    claimed.key(),
                    new IdempotencyStore.StoredResponse(status, headers, capturing.getContentAsByteArray()));
        }
        capturing.copyBodyToResponse();
    }

    private static @Nullable String scope() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getName();
    }

    private static boolean passesThrough(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null) {
            String lower = contentType.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) || lower.startsWith("multipart/")) {
                return true;
            }
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
    }

    private static byte[] fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod()
                    + ' '
                    + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString())
                    + '\n';
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void replay(HttpServletResponse response, IdempotencyStore.StoredResponse stored)
            throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setHeader(REPLAYED_HEADER, "true");
        byte[] body = stored.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void problem(HttpServletResponse response, HttpStatus status, String slug, String title, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.type(slug).toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }

    /** Hands the already-read body to the rest of the chain. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already buffered");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
