package org.hearth.companion;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Sends the curated realization, streamed in word chunks so the UI shows it arriving. */
final class CuratedReplyGenerator implements ReplyGenerator {

    // A word with the whitespace after it; joined, the chunks give the text back exactly.
    private static final Pattern CHUNK = Pattern.compile("\\s*\\S+\\s*");

    @Override
    public GeneratedReply generate(GenerationRequest request, Consumer<String> onToken) {
        return curated(request, Fallback.DISABLED, null, onToken);
    }

    static GeneratedReply curated(
            GenerationRequest request, Fallback reason, @Nullable String promptVersion, Consumer<String> onToken) {
        String text = request.curated().text();
        stream(text, onToken);
        return new GeneratedReply(text, GeneratedReply.Source.CURATED, promptVersion, reason.name());
    }

    /** Releases {@code text} word by word. A failing consumer is the caller's problem: it is not caught. */
    static void stream(String text, Consumer<String> onToken) {
        Matcher m = CHUNK.matcher(text);
        while (m.find()) {
            onToken.accept(m.group());
        }
    }
}
