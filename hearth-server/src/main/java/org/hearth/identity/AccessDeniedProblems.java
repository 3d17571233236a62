package org.hearth.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A {@code @PreAuthorize} refusal in any module's API controller becomes a 403 problem detail, even
 * if a general advice elsewhere would treat unknown exceptions as 500. Web pages are left to the
 * security filter chain's own handling.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessDeniedProblems {

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request)
            throws AccessDeniedException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            // Rethrowing the same exception lets the web chain answer with its page.
            throw e;
        }
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this.");
        problem.setType(ProblemTypes.FORBIDDEN);
        problem.setTitle("Forbidden");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }
}
