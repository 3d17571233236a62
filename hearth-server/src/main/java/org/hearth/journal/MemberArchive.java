package org.hearth.journal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hearth.assessment.Assessments;
import org.hearth.identity.ConsentRecord;
import org.hearth.identity.Role;

/**
 * Everything Hearth holds of a member, decrypted, as {@code GET /api/v1/me/export} returns it.
 *
 * @param format the archive's format and version, so a reader knows what it holds
 */
public record MemberArchive(
        String format,
        Instant exportedAt,
        Profile profile,
        List<ThreadArchive> threads,
        List<Entry> entries,
        List<CheckIn> checkIns,
        List<Assessments.History> assessments,
        List<ConsentRecord> consents) {

    public static final String FORMAT = "hearth-member-export/1";

    public MemberArchive {
        threads = List.copyOf(threads);
        entries = List.copyOf(entries);
        checkIns = List.copyOf(checkIns);
        assessments = List.copyOf(assessments);
        consents = List.copyOf(consents);
    }

    public record Profile(
            UUID userId,
            UUID organizationId,
            String email,
            String displayName,
            Set<Role> roles,
            String locale,
            String timeZone) {

        public Profile {
            roles = Set.copyOf(roles);
        }
    }

    public record ThreadArchive(ThreadRecord thread, List<StoredTurn> turns) {

        public ThreadArchive {
            turns = List.copyOf(turns);
        }
    }

    @Override
    public String toString() {
        return "MemberArchive[" + profile.userId() + "]";
    }
}
