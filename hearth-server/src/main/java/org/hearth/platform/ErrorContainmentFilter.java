package org.hearth.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Catches what escapes every other filter before the servlet container logs it with its message
 * (which may quote member text). It logs the class and stack only and lets {@code /error} answer.
 * Registered just inside the tracing filter, so the log line and the answer share a trace id.
 */
class ErrorContainmentFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ErrorContainmentFilter.class);

    private final TraceIds traceIds;

    ErrorContainmentFilter(TraceIds traceIds) {
        this.traceIds = traceIds;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            Throwable cause = e instanceof ServletException && e.getCause() != null ? e.getCause() : e;
            if (isSecurityException(cause)) {
                throw e;
            }
            if (cause instanceof IOException && response.isCommitted()) {
                // Most often the client closed the connection while the answer was being written.
                log.debug(
                        "I/O failure after the answer was committed: {}",
                        cause.getClass().getName());
                return;
            }
            String traceId = traceIds.current();
            log.error(
                    "Unexpected {} in the filter chain for {} (trace {})",
                    cause.getClass().getName(),
                    request.getMethod(),
                    traceId,
                    RedactedThrowable.of(cause));
            if (response.isCommitted()) {
                return;
            }
            request.setAttribute(ErrorPages.TRACE_ID_ATTRIBUTE, traceId);
            response.reset();
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }

    private static boolean isSecurityException(Throwable e) {
        return e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException;
    }
}
