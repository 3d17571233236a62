package org.hearth.care;

import java.time.Instant;
import java.util.UUID;

/** A session moved to a new time; {@code sequence} is the calendar revision it now has. */
public record AppointmentRescheduled(
        UUID appointmentId, UUID clinicianId, UUID memberId, Instant start, Instant end, int sequence) {}
