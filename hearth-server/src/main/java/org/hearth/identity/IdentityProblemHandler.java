package org.hearth.identity;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns identity's refusals into problem details, ahead of any general advice. */
@RestControllerAdvice(basePackageClasses = IdentityProblemHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblemHandler {

    @ExceptionHandler(IdentityException.class)
    ResponseEntity<ProblemDetail> refused(IdentityException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
        problem.setType(e.type);
        problem.setTitle(e.title);
        if (!e.errors.isEmpty()) {
            problem.setProperty("errors", e.errors);
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status);
        if (e.retryAfter != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter.toSeconds()));
        }
        return answer.body(problem);
    }
}
