package org.hearth.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slot arithmetic on local time, without Spring: DST in New York, exceptions that cut or add hours. */
class AvailabilityTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Availability weekdays(List<Availability.DateException> exceptions) {
        return new Availability(
                NEW_YORK,
                60,
                List.of(
                        new Availability.WeeklyRule(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(11, 0)),
                        new Availability.WeeklyRule(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(11, 0))),
                exceptions);
    }

    static List<Instant> starts(Availability availability, String from, String to) {
        return availability.slots(Instant.parse(from), Instant.parse(to)).stream()
                .map(Availability.Slot::start)
                .toList();
    }

    @Test
    void keepsNineOClockOnTheWallClockAcrossTheMarchChangeInNewYork() {
        // Clocks go forward on Sunday 14 March 2027: EST (UTC-5) before, EDT (UTC-4) after.
        assertThat(starts(weekdays(List.of()), "2027-03-12T00:00:00Z", "2027-03-16T00:00:00Z"))
                .containsExactly(
                        Instant.parse("2027-03-12T14:00:00Z"),
                        Instant.parse("2027-03-12T15:00:00Z"),
                        Instant.parse("2027-03-15T13:00:00Z"),
                        Instant.parse("2027-03-15T14:00:00Z"));
    }

    @Test
    void countsRealHoursInAWindowThatSpansTheNovemberChange() {
        // Sunday 7 November 2027, 01:00 to 03:00 on the wall clock: 02:00 EDT falls back to 01:00 EST,
        // so the window is three real hours long.
        Availability night = new Availability(
                NEW_YORK,
                60,
                List.of(),
                List.of(new Availability.DateException(
                        LocalDate.of(2027, 11, 7), true, LocalTime.of(1, 0), LocalTime.of(3, 0))));
        assertThat(starts(night, "2027-11-07T00:00:00Z", "2027-11-08T00:00:00Z"))
                .containsExactly(
                        Instant.parse("2027-11-07T05:00:00Z"),
                        Instant.parse("2027-11-07T06:00:00Z"),
                        Instant.parse("2027-11-07T07:00:00Z"));
    }

    @Test
    void takesOutADayOffAndAPartialExceptionAndAddsExtraHours() {
        Availability availability = weekdays(List.of(
                new Availability.DateException(LocalDate.of(2027, 3, 12), false, null, null),
                new Availability.DateException(
                        LocalDate.of(2027, 3, 15), false, LocalTime.of(9, 0), LocalTime.of(10, 0)),
                new Availability.DateException(
                        LocalDate.of(2027, 3, 16), true, LocalTime.of(18, 0), LocalTime.of(19, 0))));
        assertThat(starts(availability, "2027-03-12T00:00:00Z", "2027-03-17T00:00:00Z"))
                .containsExactly(Instant.parse("2027-03-15T14:00:00Z"), Instant.parse("2027-03-16T22:00:00Z"));
    }

    @Test
    void coversOnlyStretchesInsideOneWindow() {
        Availability availability = weekdays(List.of());
        assertThat(availability.covers(Instant.parse("2027-03-15T13:30:00Z"), Instant.parse("2027-03-15T14:20:00Z")))
                .isTrue();
        assertThat(availability.covers(Instant.parse("2027-03-15T14:30:00Z"), Instant.parse("2027-03-15T15:30:00Z")))
                .isFalse();
    }
}
