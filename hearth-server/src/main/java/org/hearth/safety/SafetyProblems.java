package org.hearth.safety;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * RFC 9457 answers for the safety API. Validation problems name the field and the rule, never the
 * rejected value: it may be a member's words.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {SafetyApi.class, IncidentApi.class, SafetyPages.class})
class SafetyProblems {

    @ExceptionHandler(IncidentDesk.NotFound.class)
    ProblemDetail notFound(IncidentDesk.NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Incident not found", "There is no such incident in your organization.");
    }

    @ExceptionHandler(IncidentDesk.WrongState.class)
    ProblemDetail wrongState(IncidentDesk.WrongState e) {
        return problem(HttpStatus.CONFLICT, "Incident already handled", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are not valid.");
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(error -> errors.putIfAbsent(error.getField(), String.valueOf(error.getDefaultMessage())));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalid(HandlerMethodValidationException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some parameters are not valid.");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
