package org.hearth.care;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;
import org.hearth.platform.ProblemException;
import org.hearth.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The care module's scheduling API: availability, bookable slots, and booking, cancelling and
 * moving sessions. Members book inside the clinician's published hours; clinicians may book any
 * free time. Overlaps are refused by the database's exclusion constraint, so two requests racing
 * for one slot cannot both win: the loser gets a 409 problem.
 */
@Service
public class Appointments {

    static final int MIN_MINUTES = 10;
    static final int MAX_MINUTES = 240;

    private final AppointmentStore store;
    private final Availabilities availabilities;
    private final AppointmentReminders reminders;
    private final CaseloadMembers caseload;
    private final VideoLinks video;
    private final Accounts accounts;
    private final CareProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Appointments(
            AppointmentStore store,
            Availabilities availabilities,
            AppointmentReminders reminders,
            CaseloadMembers caseload,
            VideoLinks video,
            Accounts accounts,
            CareProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.availabilities = availabilities;
        this.reminders = reminders;
        this.caseload = caseload;
        this.video = video;
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Replaces the signed-in clinician's availability. */
    @Transactional
    public void setAvailability(Caller clinician, Availability availability) {
        requireRole(clinician, Role.CLINICIAN);
        availabilities.save(clinician.requireUserId(), clinician.organizationId(), availability, clock.instant());
    }

    Optional<Availability> availability(UUID clinicianId) {
        return availabilities.find(clinicianId);
    }

    /** The clinicians of the caller's organization, by name. */
    public List<Account> clinicians(Caller caller) {
        return accounts.withRole(caller.organizationId(), Role.CLINICIAN).stream()
                .sorted(java.util.Comparator.comparing(Account::displayName))
                .toList();
    }

    /**
     * Free slots of a clinician of the caller's organization starting in {@code [from, to)}: inside
     * the published hours, not in the past, not overlapping a booked session.
     */
    @Transactional(readOnly = true)
    public List<Availability.Slot> slots(Caller caller, UUID clinicianId, Instant from, Instant to) {
        requireClinician(caller, clinicianId);
        if (!to.isAfter(from)) {
            throw Problems.invalid("The range is empty.", Map.of("to", "must be after from"));
        }
        if (Duration.between(from, to).compareTo(properties.maxSlotRange()) > 0) {
            throw Problems.invalid(
                    "The range is too long.",
                    Map.of("to", "at most " + properties.maxSlotRange().toDays() + " days after from"));
        }
        Optional<Availability> availability = availabilities.find(clinicianId);
        if (availability.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Appointment> booked = store.bookedForClinician(clinicianId, from, to.plus(Duration.ofDays(1)));
        return availability.get().slots(from, to).stream()
                .filter(slot -> !slot.start().isBefore(now))
                .filter(slot -> booked.stream()
                        .noneMatch(appointment -> appointment.start().isBefore(slot.end())
                                && slot.start().isBefore(appointment.end())))
                .toList();
    }

    /**
     * Books a session. A member books for themselves inside the clinician's hours; the clinician books
     * for a member of their organization at any free time.
     *
     * @throws ProblemException 409 {@code appointment-overlap} when the time is taken
     */
    @Transactional
    public Appointment book(Caller caller, UUID clinicianId, @Nullable UUID memberId, Instant start, int minutes) {
        Account clinician = requireClinician(caller, clinicianId);
        UUID callerId = caller.requireUserId();
        UUID member;
        if (callerId.equals(clinicianId)) {
            if (memberId == null) {
                throw Problems.invalid("Say which member the session is for.", Map.of("memberId", "is required"));
            }
            requireMember(caller, memberId);
            member = memberId;
        } else if (caller.has(Role.MEMBER)) {
            if (memberId != null && !memberId.equals(callerId)) {
                throw Problems.forbidden("not-your-booking", "Members book sessions for themselves only.");
            }
            member = callerId;
        } else {
            throw Problems.forbidden("not-a-party", "Only the member or the clinician can book this session.");
        }
        Instant begin = start.truncatedTo(ChronoUnit.SECONDS);
        Instant end = begin.plus(requireMinutes(minutes));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        requireFuture(begin, now);
        if (!callerId.equals(clinicianId)) {
            requireWithinHours(clinicianId, begin, end);
        }
        UUID id = UUID.randomUUID();
        Appointment appointment = new Appointment(
                id,
                clinician.organizationId(),
                clinicianId,
                member,
                begin,
                end,
                Appointment.Status.BOOKED,
                video.newRoom(),
                id + "@hearth",
                0,
                callerId,
                now,
                now,
                null,
                null);
        try {
            store.add(appointment);
        } catch (DataAccessException e) {
            throw overlapOr(e);
        }
        caseload.add(clinicianId, member, clinician.organizationId(), now);
        reminders.schedule(appointment);
        events.publishEvent(new AppointmentBooked(id, clinicianId, member, begin, end, callerId));
        return appointment;
    }

    /**
     * Cancels a session. Members may cancel up to the cancellation window before the start; the
     * clinician until it starts.
     */
    @Transactional
    public Appointment cancel(Caller caller, UUID appointmentId) {
        Appointment appointment = lockForParty(caller, appointmentId);
        requireChangeable(caller, appointment);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        store.cancel(appointmentId, caller.requireUserId(), now);
        reminders.cancel(appointmentId);
        events.publishEvent(new AppointmentCancelled(
                appointmentId, appointment.clinicianId(), appointment.memberId(), caller.requireUserId(), now));
        return store.find(appointmentId).orElseThrow();
    }

    /** Moves a session; the same rules as booking and cancelling apply, and SEQUENCE goes up by one. */
    @Transactional
    public Appointment reschedule(Caller caller, UUID appointmentId, Instant start, @Nullable Integer minutes) {
        Appointment appointment = lockForParty(caller, appointmentId);
        requireChangeable(caller, appointment);
        Instant begin = start.truncatedTo(ChronoUnit.SECONDS);
        Duration length = minutes == null ? appointment.duration() : requireMinutes(minutes);
        Instant end = begin.plus(length);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        requireFuture(begin, now);
        if (!caller.requireUserId().equals(appointment.clinicianId())) {
            requireWithinHours(appointment.clinicianId(), begin, end);
        }
        try {
            store.move(appointmentId, begin, end, now);
        } catch (DataAccessException e) {
            throw overlapOr(e);
        }
        Appointment moved = store.find(appointmentId).orElseThrow();
        reminders.cancel(appointmentId);
        reminders.schedule(moved);
        events.publishEvent(new AppointmentRescheduled(
                appointmentId, moved.clinicianId(), moved.memberId(), begin, end, moved.sequence()));
        return moved;
    }

    /** One appointment, for its two parties only; anyone else is told it does not exist. */
    @Transactional(readOnly = true)
    public Appointment forParty(Caller caller, UUID appointmentId) {
        return store.find(appointmentId)
                .filter(appointment -> appointment.isParty(caller.requireUserId()))
                .orElseThrow(Appointments::notFound);
    }

    /** The caller's appointments (as member or clinician) that end after {@code from}. */
    @Transactional(readOnly = true)
    public List<Appointment> ofCaller(Caller caller, Instant from, @Nullable Instant to) {
        return store.ofPerson(caller.requireUserId(), from, to);
    }

    /** The iCalendar text of an appointment, for its two parties only. */
    @Transactional(readOnly = true)
    public String calendar(Caller caller, UUID appointmentId) {
        Appointment appointment = forParty(caller, appointmentId);
        UUID other = caller.requireUserId().equals(appointment.clinicianId())
                ? appointment.memberId()
                : appointment.clinicianId();
        String name = accounts.find(other).map(Account::displayName).orElse("your care team");
        return AppointmentCalendar.of(appointment, name);
    }

    Optional<Appointment> next(UUID clinicianId, UUID memberId) {
        return store.next(clinicianId, memberId, clock.instant());
    }

    Optional<Appointment> last(UUID clinicianId, UUID memberId) {
        return store.last(clinicianId, memberId, clock.instant());
    }

    private Appointment lockForParty(Caller caller, UUID appointmentId) {
        return store.lock(appointmentId)
                .filter(appointment -> appointment.isParty(caller.requireUserId()))
                .orElseThrow(Appointments::notFound);
    }

    private void requireChangeable(Caller caller, Appointment appointment) {
        if (appointment.status() != Appointment.Status.BOOKED) {
            throw Problems.conflict("appointment-cancelled", "This session was already cancelled.");
        }
        Instant now = clock.instant();
        if (!now.isBefore(appointment.start())) {
            throw Problems.conflict("appointment-started", "This session has already started.");
        }
        boolean clinician = caller.requireUserId().equals(appointment.clinicianId());
        if (!clinician && now.plus(properties.cancellationWindow()).isAfter(appointment.start())) {
            throw Problems.conflict(
                    "cancellation-window-passed",
                    "Sessions can be cancelled or moved up to "
                            + properties.cancellationWindow().toHours()
                            + " hours before they start. Please contact your clinician.");
        }
    }

    private Account requireClinician(Caller caller, UUID clinicianId) {
        return accounts.find(clinicianId)
                .filter(account -> account.organizationId().equals(caller.organizationId()))
                .filter(account -> account.roles().contains(Role.CLINICIAN))
                .orElseThrow(() -> Problems.notFound("There is no such clinician."));
    }

    private void requireMember(Caller caller, UUID memberId) {
        accounts.find(memberId)
                .filter(account -> account.organizationId().equals(caller.organizationId()))
                .filter(account -> account.roles().contains(Role.MEMBER))
                .orElseThrow(() -> Problems.notFound("There is no such member."));
    }

    private void requireWithinHours(UUID clinicianId, Instant start, Instant end) {
        boolean open = availabilities
                .find(clinicianId)
                .map(availability -> availability.covers(start, end))
                .orElse(false);
        if (!open) {
            throw Problems.conflict("outside-availability", "The clinician is not available at that time.");
        }
    }

    private static Duration requireMinutes(int minutes) {
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw Problems.invalid(
                    "The length is out of range.",
                    Map.of("durationMinutes", "between " + MIN_MINUTES + " and " + MAX_MINUTES));
        }
        return Duration.ofMinutes(minutes);
    }

    private static void requireFuture(Instant start, Instant now) {
        if (!start.isAfter(now)) {
            throw Problems.invalid("Sessions are booked in the future.", Map.of("start", "must be in the future"));
        }
    }

    private static void requireRole(Caller caller, Role role) {
        if (!caller.has(role)) {
            throw Problems.forbidden("role-required", "This needs the " + role.name() + " role.");
        }
    }

    static ProblemException notFound() {
        return Problems.notFound("There is no such appointment.");
    }

    /** An exclusion-constraint violation (SQLSTATE 23P01) becomes the 409 the API promises. */
    /**
     * The 409 for an insert or move the exclusion constraints refused. Two racing bookings can also
     * deadlock inside the constraint check (each waits for the other's new row), and PostgreSQL then
     * aborts one of them (40P01) while the other goes through: for the one aborted that is the same
     * answer, the time was taken.
     */
    private static RuntimeException overlapOr(DataAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "40P01".equals(sql.getSQLState())) {
                return Problems.conflict("appointment-overlap", "That time is already booked.");
            }
            if (cause instanceof SQLException sql && "23P01".equals(sql.getSQLState())) {
                String message = String.valueOf(sql.getMessage());
                if (message.contains(AppointmentStore.MEMBER_OVERLAP)) {
                    return Problems.conflict("member-overlap", "The member already has a session at that time.");
                }
                return Problems.conflict("appointment-overlap", "That time is already booked.");
            }
        }
        return e;
    }
}
