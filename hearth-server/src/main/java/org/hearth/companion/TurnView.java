package org.hearth.companion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hearth.journal.Author;
import org.hearth.nlp.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * One turn of a thread, decrypted for the reader.
 *
 * @param kind for a reply, what kind it was; null for the member's own turn
 * @param phase for a reply, the phase it was written in; null for the member's own turn
 * @param risk for a member turn, the screen's level; null for a reply
 * @param resources for a reply, the exercise it offered and (safety and crisis replies) the lines
 *     for the reader's locale
 */
public record TurnView(
        UUID turnId,
        Author author,
        String text,
        @Nullable ReplyKind kind,
        @Nullable Phase phase,
        @Nullable RiskLevel risk,
        List<Resource> resources,
        Instant at) {

    public TurnView {
        resources = List.copyOf(resources);
    }

    @Override
    public String toString() {
        return "TurnView[" + turnId + ", " + author + "]";
    }
}
