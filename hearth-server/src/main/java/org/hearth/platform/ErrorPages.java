package org.hearth.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Shared decisions of the problem handler and the {@code /error} fallback. */
final class ErrorPages {

    static final String TRACE_ID_ATTRIBUTE = ErrorPages.class.getName() + ".traceId";

    private ErrorPages() {}

    /**
     * Whether the client is a browser that asked for a page: never for the API, the actuator or the
     * API docs, and otherwise only when HTML is acceptable and preferred over JSON.
     */
    static boolean wantsHtml(@Nullable String path, @Nullable String accept) {
        if (path == null
                || path.startsWith("/api/")
                || path.equals("/api")
                || path.startsWith("/actuator")
                || path.startsWith("/v3/api-docs")) {
            return false;
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (IllegalArgumentException e) {
            return false;
        }
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) {
                return true;
            }
            if (type.getSubtype().endsWith("json")) {
                return false;
            }
        }
        return false;
    }

    static ProblemDetail unexpected(String traceId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. If it keeps happening, report it with the trace id.");
        problem.setType(Problems.type("internal-error"));
        problem.setTitle("Internal error");
        problem.setProperty("traceId", traceId);
        return problem;
    }

    static ProblemDetail forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatusCode.valueOf(status));
        problem.setType(Problems.type(slug(status)));
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setDetail(
                switch (status) {
                    case 404 -> "Nothing exists at this address.";
                    case 405 -> "This method is not supported here.";
                    case 415 -> "This content type is not supported here.";
                    case 401 -> "Authentication is required.";
                    case 403 -> "You may not do this.";
                    default -> known == null ? "The request failed." : known.getReasonPhrase() + ".";
                });
        return problem;
    }

    /** The problem type slug used for plain HTTP errors that carry no domain type of their own. */
    static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "content-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 429 -> "too-many-requests";
            case 500 -> "internal-error";
            case 503 -> "unavailable";
            default -> "http-" + status;
        };
    }
}
