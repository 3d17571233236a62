package org.hearth.care;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A clinician's bookable hours: weekly rules and one-off exceptions, all in local time of
 * {@link #timeZone}. Local times become instants day by day, so 09:00 stays 09:00 on the wall clock
 * across a daylight-saving change, and a window that spans the change lasts its real elapsed time.
 *
 * @param slotMinutes the length of one bookable slot
 */
public record Availability(
        ZoneId timeZone, int slotMinutes, List<WeeklyRule> weeklyRules, List<DateException> exceptions) {

    public Availability {
        weeklyRules = List.copyOf(weeklyRules);
        exceptions = List.copyOf(exceptions);
    }

    /** Every {@code dayOfWeek}, from {@code start} to {@code end} local time. */
    public record WeeklyRule(DayOfWeek dayOfWeek, LocalTime start, LocalTime end) {}

    /**
     * One date that differs from the weekly rules: {@code available=false} without times takes the
     * whole day off, with times only that stretch; {@code available=true} adds the stretch.
     */
    public record DateException(
            LocalDate date,
            boolean available,
            @Nullable LocalTime start,
            @Nullable LocalTime end) {}

    /** An open stretch of time as instants. */
    public record Window(Instant start, Instant end) {
        boolean contains(Instant from, Instant to) {
            return !from.isBefore(start) && !to.isAfter(end);
        }
    }

    public record Slot(Instant start, Instant end) {}

    /** The windows that touch {@code [from, to)}, in time order. */
    List<Window> windows(Instant from, Instant to) {
        LocalDate first = from.atZone(timeZone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(timeZone).toLocalDate().plusDays(1);
        List<Window> windows = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (LocalTime[] span : localSpans(date)) {
                Instant start = ZonedDateTime.of(date, span[0], timeZone).toInstant();
                Instant end = ZonedDateTime.of(date, span[1], timeZone).toInstant();
                if (end.isAfter(start) && end.isAfter(from) && start.isBefore(to)) {
                    windows.add(new Window(start, end));
                }
            }
        }
        windows.sort(Comparator.comparing(Window::start));
        return windows;
    }

    /**
     * Slots of {@link #slotMinutes} that start within {@code [from, to)} and fit wholly inside a
     * window, before taking booked time out (the caller does that).
     */
    List<Slot> slots(Instant from, Instant to) {
        Duration length = Duration.ofMinutes(slotMinutes);
        List<Slot> slots = new ArrayList<>();
        for (Window window : windows(from, to)) {
            for (Instant start = window.start();
                    !start.plus(length).isAfter(window.end());
                    start = start.plus(length)) {
                if (!start.isBefore(from) && start.isBefore(to)) {
                    slots.add(new Slot(start, start.plus(length)));
                }
            }
        }
        return slots;
    }

    /** Whether {@code [start, end)} lies inside one window. */
    boolean covers(Instant start, Instant end) {
        return windows(start, end).stream().anyMatch(window -> window.contains(start, end));
    }

    /** The day's open local spans: weekly rules plus added exceptions, minus removed ones. */
    private List<LocalTime[]> localSpans(LocalDate date) {
        List<LocalTime[]> open = new ArrayList<>();
        for (WeeklyRule rule : weeklyRules) {
            if (rule.dayOfWeek() == date.getDayOfWeek()) {
                open.add(new LocalTime[] {rule.start(), rule.end()});
            }
        }
        for (DateException exception : exceptions) {
            if (exception.date().equals(date)
                    && exception.available()
                    && exception.start() != null
                    && exception.end() != null) {
                open.add(new LocalTime[] {exception.start(), exception.end()});
            }
        }
        for (DateException exception : exceptions) {
            if (!exception.date().equals(date) || exception.available()) {
                continue;
            }
            if (exception.start() == null || exception.end() == null) {
                return List.of();
            }
            open = subtract(open, exception.start(), exception.end());
        }
        return open;
    }

    private static List<LocalTime[]> subtract(List<LocalTime[]> spans, LocalTime start, LocalTime end) {
        List<LocalTime[]> left = new ArrayList<>();
        for (LocalTime[] span : spans) {
            if (!end.isAfter(span[0]) || !start.isBefore(span[1])) {
                left.add(span);
                continue;
            }
            if (start.isAfter(span[0])) {
                left.add(new LocalTime[] {span[0], start});
            }
            if (end.isBefore(span[1])) {
                left.add(new LocalTime[] {end, span[1]});
            }
        }
        return left;
    }
}
