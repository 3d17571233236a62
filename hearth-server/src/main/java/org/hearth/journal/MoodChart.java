package org.hearth.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The geometry of the server-rendered 30-day mood chart: one dot per check-in on its local day, a
 * line through them in time order, and a tick per week. The page renders it as SVG (no script, no
 * inline style); the list beside it carries the same facts for screen readers.
 */
record MoodChart(int width, int height, List<Dot> dots, String line, List<Tick> xTicks, List<Tick> yTicks) {

    static final int DAYS = 30;
    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    static final int LEFT = 44;
    static final int RIGHT = 16;
    static final int TOP = 12;
    static final int BOTTOM = 36;
    static final int MIN = 1;
    static final int MAX = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** One check-in: when it was made and the mood, 1 (very low) to 10 (very good). */
    record Point(Instant at, int mood) {}

    record Dot(int cx, int cy, int mood, String label) {}

    record Tick(int position, String label) {}

    /** Where the plot begins on the left (after the mood labels), for the template. */
    public int plotLeft() {
        return LEFT;
    }

    /** Where the plot ends on the right, for the template. */
    public int plotRight() {
        return WIDTH - RIGHT;
    }

    /** The chart of the check-ins made in the {@value #DAYS} days that end with {@code today}. */
    static MoodChart of(List<Point> points, LocalDate today, ZoneId zone) {
        LocalDate first = today.minusDays(DAYS - 1);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        List<Dot> dots = new ArrayList<>();
        points.stream().sorted(Comparator.comparing(Point::at)).forEach(point -> {
            LocalDate day = point.at().atZone(zone).toLocalDate();
            if (day.isBefore(first) || day.isAfter(today)) {
                return;
            }
            int mood = Math.max(MIN, Math.min(MAX, point.mood()));
            // Within its day a check-in sits at its hour, so two on one day do not overlap.
            double dayFraction = point.at().atZone(zone).toLocalTime().toSecondOfDay() / 86_400.0;
            double offset = ChronoUnit.DAYS.between(first, day) + dayFraction;
            int cx = LEFT + (int) Math.round(offset * plotWidth / DAYS);
            dots.add(new Dot(cx, y(mood, plotHeight), mood, DAY.format(day) + ": mood " + mood + " of 10"));
        });
        String line = dots.stream().map(d -> d.cx() + "," + d.cy()).collect(Collectors.joining(" "));
        List<Tick> xTicks = new ArrayList<>();
        for (int day = 0; day < DAYS; day += 7) {
            xTicks.add(new Tick(LEFT + day * plotWidth / DAYS, DAY.format(first.plusDays(day))));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int mood : new int[] {1, 4, 7, 10}) {
            yTicks.add(new Tick(y(mood, plotHeight), String.valueOf(mood)));
        }
        return new MoodChart(WIDTH, HEIGHT, List.copyOf(dots), line, List.copyOf(xTicks), List.copyOf(yTicks));
    }

    private static int y(int mood, int plotHeight) {
        double fraction = (double) (mood - MIN) / (MAX - MIN);
        return TOP + (int) Math.round(plotHeight * (1 - fraction));
    }
}
