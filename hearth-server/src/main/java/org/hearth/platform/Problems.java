package org.hearth.platform;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Factories for the RFC 9457 problems modules raise for domain errors. Every problem type is a URI
 * under {@link #TYPE_BASE} followed by a short slug ({@code https://hearth.example/problems/not-found}).
 * The URI is an identifier, not a page that must resolve; clients switch on it.
 *
 * <p>Titles and details are read by people and may be logged: they name what went wrong, never the
 * member's words.
 */
public final class Problems {

    /** Base of every problem type URI; a slug follows it. */
    public static final String TYPE_BASE = "https://hearth.example/problems/";

    /** The type slug of a read or write that needs the member's private journal unlocked (423). */
    public static final String PRIVATE_JOURNAL_LOCKED = "private-journal-locked";

    /** Where a browser unlocks a private journal; locked page views are sent there. */
    public static final String UNLOCK_PAGE = "/unlock";

    private Problems() {}

    /** The type URI for a slug, e.g. {@code type("validation")}. */
    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** A problem with the given status, slug, title and detail. */
    public static ProblemException of(HttpStatusCode status, String slug, String title, String detail) {
        return new ProblemException(status, slug, title, detail, Map.of());
    }

    /** 400: the request breaks a rule; {@code errors} maps field names to messages. */
    public static ProblemException invalid(String detail, Map<String, String> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail, errors);
    }

    /** 404: the thing asked for does not exist, or the caller may not know that it exists. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, Map.of());
    }

    /** 409: the request conflicts with the current state; {@code slug} names the conflict. */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, slug, "Conflict", detail, Map.of());
    }

    /** 403 for a domain rule (no consent, wrong organization); authentication failures stay with identity. */
    public static ProblemException forbidden(String slug, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, slug, "Forbidden", detail, Map.of());
    }
}
