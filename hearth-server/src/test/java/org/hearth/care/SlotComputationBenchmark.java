package org.hearth.care;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small timed harness (not a test) for slot computation: a Europe/Berlin clinician with two
 * windows on each weekday, 30-minute slots and a dozen exceptions, asked for four weeks that span
 * the October daylight-saving change. Prints calls per second and per-call percentiles.
 *
 * <pre>
 * ./mvnw -q -B -pl hearth-server -am test-compile -o
 * ./mvnw -q -B -pl hearth-server dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -o
 * java -cp hearth-server/target/test-classes:hearth-server/target/classes:$(cat /tmp/cp.txt) \
 *     org.hearth.care.SlotComputationBenchmark
 * </pre>
 */
public final class SlotComputationBenchmark {

    private SlotComputationBenchmark() {}

    public static void main(String[] args) {
        List<Availability.WeeklyRule> rules = new ArrayList<>();
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            rules.add(new Availability.WeeklyRule(day, LocalTime.of(8, 0), LocalTime.of(12, 0)));
            rules.add(new Availability.WeeklyRule(day, LocalTime.of(13, 0), LocalTime.of(18, 0)));
        }
        List<Availability.DateException> exceptions = new ArrayList<>();
        LocalDate first = LocalDate.of(2027, 10, 18);
        for (int i = 0; i < 12; i++) {
            LocalDate date = first.plusDays(i * 2L);
            exceptions.add(
                    i % 3 == 0
                            ? new Availability.DateException(date, false, null, null)
                            : new Availability.DateException(
                                    date, i % 3 == 1, LocalTime.of(10, 0), LocalTime.of(11, 30)));
        }
        Availability availability = new Availability(ZoneId.of("Europe/Berlin"), 30, rules, exceptions);
        Instant from = Instant.parse("2027-10-18T00:00:00Z");
        Instant to = from.plus(Duration.ofDays(28));

        int slots = availability.slots(from, to).size();
        long sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += availability.slots(from, to).size();
        }
        int runs = 50_000;
        long[] nanos = new long[runs];
        long started = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            sink += availability.slots(from, to).size();
            nanos[i] = System.nanoTime() - t0;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(
                "slot computation: 28 days, %d slots per call, %d calls in %.2f s = %.0f calls/s%n",
                slots, runs, seconds, runs / seconds);
        System.out.printf(
                "per call µs: p50=%.1f p90=%.1f p99=%.1f max=%.1f (checksum %d)%n",
                nanos[runs / 2] / 1e3,
                nanos[(int) (runs * 0.9)] / 1e3,
                nanos[(int) (runs * 0.99)] / 1e3,
                nanos[runs - 1] / 1e3,
                sink);
    }
}
