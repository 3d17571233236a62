package org.hearth.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleTimeTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void keepsTheMembersLocalTimeAcrossTheSwitchToSummerTime() {
        // Clocks go forward in Berlin on 2027-03-28: 09:00 is 08:00Z before and 07:00Z after.
        assertThat(DueAssessments.nextOccurrence(Instant.parse("2027-03-27T12:00:00Z"), LocalTime.of(9, 0), BERLIN))
                .isEqualTo(Instant.parse("2027-03-28T07:00:00Z"));
        assertThat(DueAssessments.nextOccurrence(Instant.parse("2027-03-27T07:59:00Z"), LocalTime.of(9, 0), BERLIN))
                .isEqualTo(Instant.parse("2027-03-27T08:00:00Z"));
    }

    @Test
    void movesToTheNextDayOnceTodaysTimeHasPassed() {
        assertThat(DueAssessments.nextOccurrence(Instant.parse("2027-01-10T08:00:00Z"), LocalTime.of(9, 0), BERLIN))
                .isEqualTo(Instant.parse("2027-01-11T08:00:00Z"));
        assertThat(DueAssessments.nextOccurrence(
                        Instant.parse("2027-01-10T08:00:00Z"), LocalTime.of(20, 30), ZoneId.of("America/New_York")))
                .isEqualTo(Instant.parse("2027-01-11T01:30:00Z"));
    }
}
