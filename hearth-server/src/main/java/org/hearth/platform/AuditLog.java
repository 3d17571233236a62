package org.hearth.platform;

import java.util.Optional;

/**
 * The append-only record of sign-ins, admin actions and every staff read of member content. Each
 * entry's hash covers the previous entry's hash, so a changed, removed or inserted row breaks the
 * chain from that point on.
 */
public interface AuditLog {

    /** Appends an entry. Runs in its own transaction, so the entry stays even if the caller's rolls back. */
    void record(AuditEntry entry);

    /** Walks the whole chain; the sequence number of the first entry that does not match, if any. */
    Optional<Long> firstBrokenLink();
}
