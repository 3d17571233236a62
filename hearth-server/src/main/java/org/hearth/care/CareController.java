package org.hearth.care;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.hearth.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Clinicians, availability, slots and appointments over HTTP (api.md, "Care"). */
@RestController
@RequestMapping("/api/v1")
class CareController {

    private final Appointments appointments;

    CareController(Appointments appointments) {
        this.appointments = appointments;
    }

    record ClinicianView(UUID clinicianId, String displayName) {}

    record RuleBody(
            @Nullable String dayOfWeek,
            @Nullable String start,
            @Nullable String end) {}

    record ExceptionBody(
            @Nullable String date,
            @Nullable Boolean available,
            @Nullable String start,
            @Nullable String end) {}

    record AvailabilityBody(
            @Nullable String timeZone,
            @Nullable Integer slotMinutes,
            @Nullable List<RuleBody> weeklyRules,
            @Nullable List<ExceptionBody> exceptions) {}

    record SlotView(Instant start, Instant end) {}

    record BookingBody(
            @Nullable UUID clinicianId,
            @Nullable UUID memberId,
            @Nullable Instant start,
            @Nullable Integer durationMinutes) {}

    record MoveBody(@Nullable Instant start, @Nullable Integer durationMinutes) {}

    record AppointmentView(
            UUID appointmentId,
            UUID clinicianId,
            UUID memberId,
            Instant start,
            Instant end,
            String status,
            String videoUrl,
            int sequence,
            String calendarUrl) {
        static AppointmentView of(Appointment appointment) {
            return new AppointmentView(
                    appointment.id(),
                    appointment.clinicianId(),
                    appointment.memberId(),
                    appointment.start(),
                    appointment.end(),
                    appointment.status().name(),
                    appointment.videoUrl(),
                    appointment.sequence(),
                    "/api/v1/appointments/" + appointment.id() + "/calendar.ics");
        }
    }

    @GetMapping("/clinicians")
    @PreAuthorize("hasAnyRole('MEMBER','CLINICIAN')")
    List<ClinicianView> clinicians(@AuthenticationPrincipal Caller caller) {
        return appointments.clinicians(caller).stream()
                .map(account -> new ClinicianView(account.id(), account.displayName()))
                .toList();
    }

    @PutMapping("/clinicians/me/availability")
    @PreAuthorize("hasRole('CLINICIAN')")
    AvailabilityBody setAvailability(@AuthenticationPrincipal Caller caller, @RequestBody AvailabilityBody body) {
        Availability availability = parse(body);
        appointments.setAvailability(caller, availability);
        return render(availability);
    }

    @GetMapping("/clinicians/me/availability")
    @PreAuthorize("hasRole('CLINICIAN')")
    ResponseEntity<AvailabilityBody> availability(@AuthenticationPrincipal Caller caller) {
        return appointments
                .availability(caller.requireUserId())
                .map(availability -> ResponseEntity.ok(render(availability)))
                .orElseThrow(() -> Problems.notFound("No availability has been set yet."));
    }

    @GetMapping("/clinicians/{id}/slots")
    @PreAuthorize("hasAnyRole('MEMBER','CLINICIAN')")
    List<SlotView> slots(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam Instant from,
            @RequestParam Instant to) {
        return appointments.slots(caller, id, from, to).stream()
                .map(slot -> new SlotView(slot.start(), slot.end()))
                .toList();
    }

    @PostMapping("/appointments")
    @PreAuthorize("hasAnyRole('MEMBER','CLINICIAN')")
    ResponseEntity<AppointmentView> book(@AuthenticationPrincipal Caller caller, @RequestBody BookingBody body) {
        Map<String, String> errors = new java.util.TreeMap<>();
        if (body.clinicianId() == null) {
            errors.put("clinicianId", "is required");
        }
        if (body.start() == null) {
            errors.put("start", "is required");
        }
        if (body.durationMinutes() == null) {
            errors.put("durationMinutes", "is required");
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid("The booking is incomplete.", errors);
        }
        Appointment appointment =
                appointments.book(caller, body.clinicianId(), body.memberId(), body.start(), body.durationMinutes());
        return ResponseEntity.status(HttpStatus.CREATED).body(AppointmentView.of(appointment));
    }

    @GetMapping("/appointments")
    @PreAuthorize("hasAnyRole('MEMBER','CLINICIAN')")
    List<AppointmentView> mine(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to) {
        return appointments.ofCaller(caller, from == null ? Instant.EPOCH : from, to).stream()
                .map(AppointmentView::of)
                .toList();
    }

    @GetMapping("/appointments/{id}")
    @PreAuthorize("hasAnyRole('MEMBER','CLINICIAN')")
    AppointmentView one(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return AppointmentView.of(appointments.forParty(caller, id));
    }

    @PostMapping("/appointments/{id}/cancel")
    @PreAuthorize("hasAnyRole('MEMBER','CLINICIAN')")
    AppointmentView cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return AppointmentView.of(appointments.cancel(caller, id));
    }

    @PatchMapping("/appointments/{id}")
    @PreAuthorize("hasAnyRole('MEMBER','CLINICIAN')")
    AppointmentView move(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody MoveBody body) {
        if (body.start() == null) {
            throw Problems.invalid("Say when the session should start.", Map.of("start", "is required"));
        }
        return AppointmentView.of(appointments.reschedule(caller, id, body.start(), body.durationMinutes()));
    }

    @GetMapping(value = "/appointments/{id}/calendar.ics", produces = "text/calendar")
    @PreAuthorize("hasAnyRole('MEMBER','CLINICIAN')")
    ResponseEntity<String> calendar(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"hearth-session.ics\"")
                .body(appointments.calendar(caller, id));
    }

    static Availability parse(AvailabilityBody body) {
        Map<String, String> errors = new java.util.TreeMap<>();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(body.timeZone() == null ? "" : body.timeZone());
        } catch (DateTimeException e) {
            errors.put("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        int slot = body.slotMinutes() == null ? 60 : body.slotMinutes();
        if (slot < 10 || slot > 240) {
            errors.put("slotMinutes", "between 10 and 240");
        }
        List<Availability.WeeklyRule> rules = new ArrayList<>();
        List<RuleBody> ruleBodies = body.weeklyRules() == null ? List.of() : body.weeklyRules();
        for (int i = 0; i < ruleBodies.size(); i++) {
            RuleBody rule = ruleBodies.get(i);
            try {
                DayOfWeek day =
                        DayOfWeek.valueOf(String.valueOf(rule.dayOfWeek()).toUpperCase(Locale.ROOT));
                LocalTime start = LocalTime.parse(String.valueOf(rule.start()));
                LocalTime end = LocalTime.parse(String.valueOf(rule.end()));
                if (!end.isAfter(start)) {
                    errors.put("weeklyRules[" + i + "]", "end must be after start");
                } else {
                    rules.add(new Availability.WeeklyRule(day, start, end));
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                errors.put("weeklyRules[" + i + "]", "needs dayOfWeek (MONDAY…SUNDAY), start and end as HH:mm");
            }
        }
        List<Availability.DateException> exceptions = new ArrayList<>();
        List<ExceptionBody> exceptionBodies = body.exceptions() == null ? List.of() : body.exceptions();
        for (int i = 0; i < exceptionBodies.size(); i++) {
            ExceptionBody exception = exceptionBodies.get(i);
            try {
                LocalDate date = LocalDate.parse(String.valueOf(exception.date()));
                boolean available = Boolean.TRUE.equals(exception.available());
                LocalTime start = exception.start() == null ? null : LocalTime.parse(exception.start());
                LocalTime end = exception.end() == null ? null : LocalTime.parse(exception.end());
                if ((start == null) != (end == null) || (available && start == null)) {
                    errors.put("exceptions[" + i + "]", "an available exception needs start and end");
                } else if (start != null && !end.isAfter(start)) {
                    errors.put("exceptions[" + i + "]", "end must be after start");
                } else {
                    exceptions.add(new Availability.DateException(date, available, start, end));
                }
            } catch (DateTimeParseException e) {
                errors.put("exceptions[" + i + "]", "needs date as YYYY-MM-DD and times as HH:mm");
            }
        }
        if (!errors.isEmpty() || zone == null) {
            throw Problems.invalid("The availability is not valid.", errors);
        }
        return new Availability(zone, slot, rules, exceptions);
    }

    static AvailabilityBody render(Availability availability) {
        return new AvailabilityBody(
                availability.timeZone().getId(),
                availability.slotMinutes(),
                availability.weeklyRules().stream()
                        .map(rule -> new RuleBody(
                                rule.dayOfWeek().name(),
                                rule.start().toString(),
                                rule.end().toString()))
                        .toList(),
                availability.exceptions().stream()
                        .map(exception -> new ExceptionBody(
                                exception.date().toString(),
                                exception.available(),
                                exception.start() == null
                                        ? null
                                        : exception.start().toString(),
                                exception.end() == null ? null : exception.end().toString()))
                        .toList());
    }
}
