package org.hearth.care;

import java.time.Instant;
import java.util.UUID;

/** A session was booked. */
public record AppointmentBooked(
        UUID appointmentId, UUID clinicianId, UUID memberId, Instant start, Instant end, UUID bookedBy) {}
