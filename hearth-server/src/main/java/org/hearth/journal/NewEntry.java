package org.hearth.journal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A journal entry as the member writes (or rewrites) it.
 *
 * @param mood 1..10, optional
 * @param tags short labels the member chose; stored sealed like the text
 */
public record NewEntry(String text, @Nullable Integer mood, List<String> tags) {

    public NewEntry {
        tags = List.copyOf(tags);
    }

    @Override
    public String toString() {
        return "NewEntry[" + text.length() + " chars, mood=" + mood + ", " + tags.size() + " tags]";
    }
}
