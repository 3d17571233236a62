package org.hearth.care;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One session between a clinician and a member. {@code sequence} counts the changes the parties'
 * calendars must apply (RFC 5545 SEQUENCE), {@code icalUid} never changes.
 */
public record Appointment(
        UUID id,
        UUID organizationId,
        UUID clinicianId,
        UUID memberId,
        Instant start,
        Instant end,
        Status status,
        String videoUrl,
        String icalUid,
        int sequence,
        UUID bookedBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant cancelledAt,
        @Nullable UUID cancelledBy) {

    public enum Status {
        BOOKED,
        CANCELLED
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Whether the person is the clinician or the member of this appointment. */
    public boolean isParty(UUID personId) {
        return clinicianId.equals(personId) || memberId.equals(personId);
    }
}
