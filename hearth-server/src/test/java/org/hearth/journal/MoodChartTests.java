package org.hearth.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoodChartTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void placesCheckInsOnTheirLocalDayAndHigherMoodHigherUp() {
        MoodChart chart = MoodChart.of(
                List.of(
                        new MoodChart.Point(Instant.parse("2026-12-03T09:00:00Z"), 8),
                        new MoodChart.Point(Instant.parse("2026-11-20T09:00:00Z"), 3)),
                TODAY,
                BERLIN);

        assertThat(chart.dots()).hasSize(2);
        MoodChart.Dot older = chart.dots().get(0);
        MoodChart.Dot newer = chart.dots().get(1);
        assertThat(older.label()).isEqualTo("20 Nov: mood 3 of 10");
        assertThat(newer.label()).isEqualTo("3 Dec: mood 8 of 10");
        assertThat(newer.cx()).isGreaterThan(older.cx());
        assertThat(newer.cy()).isLessThan(older.cy());
        assertThat(chart.line()).isEqualTo(older.cx() + "," + older.cy() + " " + newer.cx() + "," + newer.cy());
        assertThat(newer.cx()).isLessThanOrEqualTo(MoodChart.WIDTH - MoodChart.RIGHT);
    }

    @Test
    void leavesOutCheckInsOlderThanThirtyDaysAndUsesTheMembersTimeZone() {
        MoodChart chart = MoodChart.of(
                List.of(
                        new MoodChart.Point(Instant.parse("2026-11-03T12:00:00Z"), 5),
                        // 23:30 UTC on 3 Nov is already 4 Nov in Berlin: the first day of the window.
                        new MoodChart.Point(Instant.parse("2026-11-03T23:30:00Z"), 6)),
                TODAY,
                BERLIN);

        assertThat(chart.dots()).extracting(MoodChart.Dot::label).containsExactly("4 Nov: mood 6 of 10");
        assertThat(chart.xTicks()).first().extracting(MoodChart.Tick::label).isEqualTo("4 Nov");
    }

    @Test
    void drawsNoLineWithoutCheckIns() {
        MoodChart chart = MoodChart.of(List.of(), TODAY, BERLIN);

        assertThat(chart.dots()).isEmpty();
        assertThat(chart.line()).isEmpty();
        assertThat(chart.yTicks()).extracting(MoodChart.Tick::label).containsExactly("1", "4", "7", "10");
    }
}
