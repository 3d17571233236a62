package org.hearth.companion;

import java.util.function.Consumer;

/**
 * Turns a plan and its curated realization into the text sent to the member. Never throws.
 *
 * <p>The default generator sends the curated text. When {@code hearth.companion.llm.enabled} is set,
 * a language model rewrites it to fit the conversation, and its output is screened before a word of
 * it reaches the member; on any failure, and always in safety mode, the curated text is sent.
 */
public interface ReplyGenerator {

    /**
     * Produces the reply for {@code request}.
     *
     * @param onToken receives the reply as it is released, in order; the chunks joined are exactly
     *     {@link GeneratedReply#text()}. Called on the caller's thread; what it throws is passed
     *     on, since only the caller knows what a broken consumer (a closed stream) means.
     * @return the text sent, where it came from and, when it is the curated text, why
     */
    GeneratedReply generate(GenerationRequest request, Consumer<String> onToken);

    /** A generator that always sends the curated text, for callers outside a Spring context. */
    static ReplyGenerator curated() {
        return new CuratedReplyGenerator();
    }
}
