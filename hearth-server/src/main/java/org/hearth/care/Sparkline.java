package org.hearth.care;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The geometry of a small server-rendered SVG line of recent scores, on the instrument's full range
 * so that two members' lines compare at a glance. The text beside it carries the same facts.
 */
record Sparkline(int width, int height, String points, int lastX, int lastY) {

    static final int WIDTH = 120;
    static final int HEIGHT = 32;
    static final int PAD = 4;

    static Sparkline of(List<Integer> scores, int max) {
        int n = scores.size();
        List<int[]> xy = IntStream.range(0, n)
                .mapToObj(i -> new int[] {
                    n == 1 ? WIDTH / 2 : PAD + i * (WIDTH - 2 * PAD) / (n - 1),
                    PAD + (int) Math.round((HEIGHT - 2 * PAD) * (1 - Math.min(1.0, scores.get(i) / (double) max)))
                })
                .toList();
        String points = xy.stream().map(p -> p[0] + "," + p[1]).collect(Collectors.joining(" "));
        int[] last = xy.isEmpty() ? new int[] {0, 0} : xy.getLast();
        return new Sparkline(WIDTH, HEIGHT, points, last[0], last[1]);
    }

    static int maxOf(String instrumentId) {
        return switch (instrumentId) {
            case "phq-9" -> 27;
            case "gad-7" -> 21;
            default -> 40;
        };
    }
}
