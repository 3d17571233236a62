package org.hearth.assessment;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The geometry of a server-rendered SVG history chart: severity bands as shaded stripes, the scores
 * as a line, and rings on points that changed reliably from baseline. The page renders it; the
 * table beside it carries the same facts for screen readers.
 */
record HistoryChart(int width, int height, List<Stripe> stripes, List<Dot> dots, String line, List<Tick> ticks) {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    static final int LEFT = 44;
    static final int RIGHT = 16;
    static final int TOP = 12;
    static final int BOTTOM = 32;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    record Stripe(int x, int y, int width, int height, String label, int shade) {}

    record Dot(
            int cx,
            int cy,
            int score,
            String label,
            @Nullable String marker,
            String date) {}

    record Tick(int y, int value) {}

    static HistoryChart of(Instrument instrument, Assessments.History history) {
        int min = instrument.scoring().isRiskTriage() ? 0 : instrument.minScore();
        int max = instrument.scoring().isRiskTriage() ? instrument.itemCount() : instrument.maxScore();
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        List<Stripe> stripes = new ArrayList<>();
        List<Instrument.Band> bands = instrument.scoring().isRiskTriage() ? List.of() : instrument.bandsFor(null);
        for (int i = 0; i < bands.size(); i++) {
            Instrument.Band band = bands.get(i);
            int top = y(Math.min(band.max() + 1, max), min, max, plotHeight);
            int bottom = y(band.min(), min, max, plotHeight);
            stripes.add(new Stripe(LEFT, top, plotWidth, Math.max(1, bottom - top), band.label(), i % 2));
        }
        List<Assessments.Point> points = history.responses();
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Assessments.Point point = points.get(i);
            int cx = LEFT + (points.size() == 1 ? plotWidth / 2 : i * plotWidth / (points.size() - 1));
            int cy = y(point.score(), min, max, plotHeight);
            String date = DAY.format(point.completedAt());
            String label = date + ": " + point.score() + " (" + point.severity() + ")"
                    + (point.marker() == null ? "" : ", " + point.marker().replace('-', ' '));
            dots.add(new Dot(cx, cy, point.score(), label, point.marker(), date));
        }
        String line = dots.stream().map(d -> d.cx() + "," + d.cy()).collect(Collectors.joining(" "));
        List<Tick> ticks = new ArrayList<>();
        int step = Math.max(1, (max - min) / 4);
        for (int value = min; value <= max; value += step) {
            ticks.add(new Tick(y(value, min, max, plotHeight), value));
        }
        return new HistoryChart(WIDTH, HEIGHT, stripes, dots, line, ticks);
    }

    private static int y(int value, int min, int max, int plotHeight) {
        double fraction = max == min ? 0 : (double) (value - min) / (max - min);
        return TOP + (int) Math.round(plotHeight * (1 - fraction));
    }
}
