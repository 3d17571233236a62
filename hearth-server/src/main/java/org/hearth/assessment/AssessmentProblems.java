package org.hearth.assessment;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the assessment API; messages never echo what the member sent. */
@RestControllerAdvice(assignableTypes = AssessmentController.class)
class AssessmentProblems {

    @ExceptionHandler(Assessments.InvalidAnswersException.class)
    ResponseEntity<ProblemDetail> invalid(Assessments.InvalidAnswersException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "invalid-answers",
                "Invalid request",
                "The request does not fit the instrument.",
                e.errors());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "unreadable",
                "Invalid request",
                "The body is not valid JSON of the expected shape.",
                Map.of("body", "unreadable"));
    }

    @ExceptionHandler(InstrumentCatalogue.UnknownInstrumentException.class)
    ResponseEntity<ProblemDetail> unknownInstrument() {
        return problem(
                HttpStatus.NOT_FOUND, "unknown-instrument", "Unknown instrument", "No instrument has this id.", null);
    }

    @ExceptionHandler(AssessmentController.NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AssessmentController.NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), null);
    }

    private static ResponseEntity<ProblemDetail> problem(
            HttpStatus status,
            String type,
            String title,
            String detail,
            @org.jspecify.annotations.Nullable Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://hearth.health/problems/" + type));
        problem.setTitle(title);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
