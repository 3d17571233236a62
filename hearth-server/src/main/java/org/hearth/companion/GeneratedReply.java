package org.hearth.companion;

import org.jspecify.annotations.Nullable;

/**
 * The reply a {@link ReplyGenerator} sent.
 *
 * @param text the text sent to the member, exactly as streamed
 * @param source whether the text is the curated realization or a screened model reply
 * @param promptVersion the prompt version the model was asked with, when a model was asked
 * @param fallbackReason why the curated text was sent, when it was: {@code DISABLED},
 *     {@code SAFETY_MODE}, {@code UNSUPPORTED_LANGUAGE}, {@code TIMEOUT}, {@code ERROR}, {@code CIRCUIT_OPEN},
 *     {@code UNSAFE_OUTPUT}, {@code EMPTY_OUTPUT}, {@code TOO_LONG}, {@code DIAGNOSIS},
 *     {@code MEDICATION}; a derived signal that carries no text
 */
public record GeneratedReply(
        String text,
        Source source,
        @Nullable String promptVersion,
        @Nullable String fallbackReason) {

    /** Where the text came from. */
    public enum Source {
        CURATED,
        LLM
    }

    public GeneratedReply {
        if ((source == Source.LLM) != (fallbackReason == null)) {
            throw new IllegalArgumentException("A curated reply says why, a model reply has no fallback reason");
        }
    }

    @Override
    public String toString() {
        return "GeneratedReply[source=" + source + ", promptVersion=" + promptVersion + ", fallbackReason="
                + fallbackReason + ", length=" + text.length() + "]";
    }
}
