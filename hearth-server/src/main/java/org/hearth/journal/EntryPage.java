package org.hearth.journal;

import java.util.List;

/**
 * One page of a member's entries, newest first.
 *
 * @param page zero-based page number
 * @param total how many entries the member has in all
 */
public record EntryPage(List<Entry> items, int page, int size, long total) {

    public EntryPage {
        items = List.copyOf(items);
    }
}
