package org.hearth.journal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hearth.nlp.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/** A journal entry, decrypted for the person reading it. */
public record Entry(
        UUID entryId,
        String text,
        @Nullable Integer mood,
        List<String> tags,
        RiskLevel risk,
        Instant createdAt,
        Instant updatedAt) {

    public Entry {
        tags = List.copyOf(tags);
    }

    @Override
    public String toString() {
        return "Entry[" + entryId + "]";
    }
}
