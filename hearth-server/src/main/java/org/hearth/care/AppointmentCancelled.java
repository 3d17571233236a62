package org.hearth.care;

import java.time.Instant;
import java.util.UUID;

/** A session was cancelled by one of its parties. */
public record AppointmentCancelled(UUID appointmentId, UUID clinicianId, UUID memberId, UUID cancelledBy, Instant at) {}
