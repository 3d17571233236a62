package org.hearth.platform;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A domain error that becomes an {@code application/problem+json} answer with its status, type,
 * title and detail, plus {@code errors} (field to message) when given. Throw it from any layer; the
 * platform's exception handling renders it. Build instances with {@link Problems}.
 *
 * <p>The detail is shown to the client and may be logged, so it must never contain member text.
 */
public class ProblemException extends ErrorResponseException {

    private final Map<String, String> errors;

    /**
     * @param status the HTTP status
     * @param slug the problem type's slug under {@link Problems#TYPE_BASE}
     * @param title a short, stable summary of the problem type
     * @param detail what happened in this occurrence, without member content
     * @param errors field name to message, for validation-style problems; may be empty
     */
    public ProblemException(
            HttpStatusCode status, String slug, String title, String detail, Map<String, String> errors) {
        super(status, problem(status, slug, title, detail, errors), null);
        this.errors = Map.copyOf(errors);
    }

    /** Field name to message; empty unless this is a validation-style problem. */
    public Map<String, String> errors() {
        return errors;
    }

    private static ProblemDetail problem(
            HttpStatusCode status, String slug, String title, String detail, Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(Problems.type(slug));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", new TreeMap<>(errors));
        }
        return problem;
    }
}
