package org.hearth.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily window, in the person's own time zone, when only CRITICAL notifications are emailed. A
 * window may cross midnight (22:00 to 07:00).
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId timeZone) {

    /** Whether the instant falls inside the window. */
    public boolean covers(Instant instant) {
        LocalTime local = instant.atZone(timeZone).toLocalTime();
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end)
                ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /** The first instant at or after the given one that lies outside the window. */
    public Instant nextEnd(Instant instant) {
        if (!covers(instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(timeZone);
        ZonedDateTime end = local.with(this.end);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
