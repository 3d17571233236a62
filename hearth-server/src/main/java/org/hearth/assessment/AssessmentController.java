package org.hearth.assessment;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The assessments part of the public API (api.md, "Assessments"), plus schedules and due reminders. */
@RestController
@RequestMapping("/api/v1/assessments")
class AssessmentController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final InstrumentCatalogue catalogue;
    private final Assessments assessments;
    private final AssessmentResponses responses;
    private final AssessmentSchedules schedules;
    private final DueAssessments due;
    private final FhirMapping fhir;
    private final ObjectProvider<Accounts> accounts;
    private final StaffReads staffReads;

    AssessmentController(
            InstrumentCatalogue catalogue,
            Assessments assessments,
            AssessmentResponses responses,
            AssessmentSchedules schedules,
            DueAssessments due,
            FhirMapping fhir,
            ObjectProvider<Accounts> accounts,
            StaffReads staffReads) {
        this.catalogue = catalogue;
        this.assessments = assessments;
        this.responses = responses;
        this.schedules = schedules;
        this.due = due;
        this.fhir = fhir;
        this.accounts = accounts;
        this.staffReads = staffReads;
    }

    record OptionView(int value, String text) {}

    record ItemView(
            int number,
            String text,
            List<OptionView> options,
            @Nullable Map<String, Integer> askedWhen) {}

    record InstrumentView(
            String id,
            String name,
            String shortName,
            String measures,
            String version,
            String preamble,
            int items,
            List<ItemView> questions,
            int minScore,
            int maxScore,
            boolean sexSpecificCutoffs,
            String source,
            String licence) {}

    @GetMapping("/instruments")
    @PreAuthorize("isAuthenticated()")
    List<InstrumentView> instruments() {
        return catalogue.all().stream().map(AssessmentController::view).toList();
    }

    @GetMapping(value = "/instruments/{instrumentId}/fhir", produces = "application/fhir+json")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<String> questionnaire(@PathVariable String instrumentId) {
        Instrument instrument = catalogue.require(instrumentId);
        return ResponseEntity.ok().contentType(FHIR_JSON).body(fhir.toJson(fhir.questionnaire(instrument)));
    }

    /**
     * @param answers one integer per item in item order; {@code null} for an item the instrument skips
     *     (C-SSRS screener: items 3–5 when item 2 is no, item 7 when item 6 is no)
     * @param sex optional, {@code male} or {@code female}: picks AUDIT-C's sex-specific cut-off
     */
    record SubmitRequest(
            @Nullable List<@Nullable Integer> answers,
            @Nullable String sex) {}

    @PostMapping("/{instrumentId}/responses")
    @PreAuthorize("hasRole('MEMBER')")
    ResponseEntity<Assessments.Result> submit(
            @PathVariable String instrumentId,
            @RequestBody SubmitRequest request,
            @AuthenticationPrincipal Caller caller,
            Locale locale) {
        Assessments.Result result = assessments.submit(
                caller.requireUserId(),
                caller.organizationId(),
                instrumentId,
                request.answers(),
                request.sex(),
                locale);
        return ResponseEntity.status(HttpStatus.CREATED).body(result);
    }

    /**
     * A member's own history, or (with {@code memberId}) a clinician's read of a member's history under
     * the member's assessments consent.
     */
    @GetMapping("/responses")
    @PreAuthorize("hasAnyRole('MEMBER','CLINICIAN')")
    Assessments.History history(
            @RequestParam String instrument,
            @RequestParam(required = false) @Nullable UUID memberId,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest request) {
        UUID self = caller.requireUserId();
        if (memberId == null || memberId.equals(self)) {
            if (!caller.has(Role.MEMBER)) {
                throw new Assessments.InvalidAnswersException(
                        Map.of("memberId", "required when staff read a member's history"));
            }
            return assessments.history(self, instrument);
        }
        catalogue.require(instrument);
        staffReads.require(caller, memberId, request.getRemoteAddr(), "No such member");
        return assessments.history(memberId, instrument);
    }

    @GetMapping(value = "/responses/{responseId}/fhir", produces = "application/fhir+json")
    @PreAuthorize("hasAnyRole('MEMBER','CLINICIAN')")
    ResponseEntity<String> response(
            @PathVariable UUID responseId, @AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        StoredResponse response = readableResponse(responseId, caller, request);
        Instrument instrument = catalogue.require(response.instrumentId());
        return ResponseEntity.ok()
                .contentType(FHIR_JSON)
                .body(fhir.toJson(fhir.questionnaireResponse(instrument, response)));
    }

    @GetMapping(value = "/responses/{responseId}/fhir/observation", produces = "application/fhir+json")
    @PreAuthorize("hasRole('MEMBER')")
    ResponseEntity<String> observation(@PathVariable UUID responseId, @AuthenticationPrincipal Caller caller) {
        StoredResponse response = ownResponse(responseId, caller);
        Instrument instrument = catalogue.require(response.instrumentId());
        return ResponseEntity.ok().contentType(FHIR_JSON).body(fhir.toJson(fhir.totalScore(instrument, response)));
    }

    private StoredResponse readableResponse(UUID responseId, Caller caller, HttpServletRequest request) {
        Optional<StoredResponse> found = responses.find(responseId);
        if (found.isPresent() && found.get().memberId().equals(caller.userId())) {
            return found.get();
        }
        if (!caller.has(Role.CLINICIAN)) {
            throw new NotFoundException("No such response");
        }
        // A staff read of an unknown id has no member to ask or to audit against; it answers the same 404.
        StoredResponse response = found.orElseThrow(() -> new NotFoundException("No such response"));
        staffReads.require(caller, response.memberId(), request.getRemoteAddr(), "No such response");
        return response;
    }

    private StoredResponse ownResponse(UUID responseId, Caller caller) {
        // Someone else's response answers exactly like a missing one, so ids reveal nothing.
        return responses
                .find(responseId)
                .filter(r -> r.memberId().equals(caller.userId()))
                .orElseThrow(() -> new NotFoundException("No such response"));
    }

    record DueView(UUID dueId, String instrumentId, Instant dueAt) {}

    @GetMapping("/due")
    @PreAuthorize("hasRole('MEMBER')")
    List<DueView> due(@AuthenticationPrincipal Caller caller) {
        return due.open(caller.requireUserId()).stream()
                .map(d -> new DueView(d.dueId(), d.instrumentId(), d.dueAt()))
                .toList();
    }

    /**
     * @param memberId whose schedule (a clinician setting one for a member); omitted by a member for
     *     themselves
     * @param localTime when in the member's day reminders fall, {@code HH:mm}; default 09:00
     * @param timeZone an IANA zone id; default the member's account time zone, else UTC
     */
    record ScheduleRequest(
            @Nullable UUID memberId,
            @Nullable String instrumentId,
            @Nullable Integer everyDays,
            @Nullable String localTime,
            @Nullable String timeZone) {}

    record ScheduleView(
            UUID scheduleId,
            UUID memberId,
            String instrumentId,
            int everyDays,
            String localTime,
            String timeZone,
            Instant nextDueAt) {}

    @PostMapping("/schedules")
    @PreAuthorize("hasAnyRole('MEMBER','CLINICIAN')")
    ResponseEntity<ScheduleView> schedule(
            @RequestBody ScheduleRequest request, @AuthenticationPrincipal Caller caller) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID self = caller.requireUserId();
        UUID memberId = request.memberId() == null ? self : request.memberId();
        Optional<Account> account =
                Optional.ofNullable(accounts.getIfAvailable()).flatMap(a -> a.find(memberId));
        if (!memberId.equals(self)) {
            // A clinician may set a cadence for a member of their own organization only.
            boolean allowed = caller.has(Role.CLINICIAN)
                    && account.filter(a -> a.organizationId().equals(caller.organizationId())
                                    && a.roles().contains(Role.MEMBER))
                            .isPresent();
            if (!allowed) {
                throw new NotFoundException("No such member");
            }
        } else if (!caller.has(Role.MEMBER)) {
            errors.put("memberId", "required when a clinician sets a schedule");
        }
        if (request.instrumentId() == null
                || catalogue.find(request.instrumentId()).isEmpty()) {
            errors.put("instrumentId", "unknown instrument");
        }
        if (request.everyDays() == null || request.everyDays() < 1 || request.everyDays() > 365) {
            errors.put("everyDays", "must be between 1 and 365");
        }
        LocalTime localTime = LocalTime.of(9, 0);
        if (request.localTime() != null) {
            try {
                localTime = LocalTime.parse(request.localTime());
            } catch (DateTimeException e) {
                errors.put("localTime", "must be a time of day such as 09:00");
            }
        }
        String zoneId = request.timeZone() != null
                ? request.timeZone()
                : account.map(Account::timeZone).filter(z -> !z.isBlank()).orElse("UTC");
        ZoneId zone = null;
        try {
            zone = ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            errors.put("timeZone", "must be an IANA time-zone id such as Europe/Berlin");
        }
        if (!errors.isEmpty() || zone == null || request.instrumentId() == null || request.everyDays() == null) {
            throw new Assessments.InvalidAnswersException(errors);
        }
        DueAssessments.Schedule created = schedules.create(
                memberId, caller.organizationId(), request.instrumentId(), request.everyDays(), localTime, zone, self);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(created));
    }

    @GetMapping("/schedules")
    @PreAuthorize("hasRole('MEMBER')")
    List<ScheduleView> schedules(@AuthenticationPrincipal Caller caller) {
        return schedules.activeFor(caller.requireUserId()).stream()
                .map(AssessmentController::view)
                .toList();
    }

    @DeleteMapping("/schedules/{scheduleId}")
    @PreAuthorize("hasRole('MEMBER')")
    ResponseEntity<Void> stopSchedule(@PathVariable UUID scheduleId, @AuthenticationPrincipal Caller caller) {
        DueAssessments.Schedule schedule = due.find(scheduleId)
                .filter(s -> s.memberId().equals(caller.userId()) && s.active())
                .orElseThrow(() -> new NotFoundException("No such schedule"));
        schedules.stop(schedule.id());
        return ResponseEntity.noContent().build();
    }

    private static ScheduleView view(DueAssessments.Schedule s) {
        return new ScheduleView(
                s.id(),
                s.memberId(),
                s.instrumentId(),
                s.everyDays(),
                s.localTime().toString(),
                s.timeZone().getId(),
                s.nextDueAt());
    }

    private static InstrumentView view(Instrument instrument) {
        List<ItemView> questions = new java.util.ArrayList<>();
        for (int i = 0; i < instrument.itemCount(); i++) {
            Instrument.Item item = instrument.items().get(i);
            Map<String, Integer> askedWhen = item.enableWhen() == null
                    ? null
                    : Map.of(
                            "item",
                            item.enableWhen().item(),
                            "answer",
                            item.enableWhen().answer());
            questions.add(new ItemView(
                    i + 1,
                    item.text(),
                    instrument.optionsOf(i).stream()
                            .map(o -> new OptionView(o.value(), o.text()))
                            .toList(),
                    askedWhen));
        }
        return new InstrumentView(
                instrument.id(),
                instrument.name(),
                instrument.shortName(),
                instrument.measures(),
                instrument.version(),
                instrument.preamble(),
                instrument.itemCount(),
                questions,
                instrument.minScore(),
                instrument.maxScore(),
                instrument.bandsBySex() != null,
                instrument.source().citation(),
                instrument.source().licence());
    }

    /** A resource the caller may not see or that does not exist; both answer 404. */
    static final class NotFoundException extends RuntimeException {
        NotFoundException(String message) {
            super(message);
        }
    }
}
