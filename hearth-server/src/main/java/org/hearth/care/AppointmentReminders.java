package org.hearth.care;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.notify.Notification;
import org.hearth.notify.Notifications;
import org.hearth.notify.QuietHours;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders 24 hours and 1 hour before a session, as db-scheduler jobs in PostgreSQL: they survive a
 * restart, run once in a cluster, and are scheduled and cancelled in the same transaction as the
 * booking change that needs them. When a reminder falls in the member's quiet hours it waits for
 * their end if that is still well before the session; otherwise it goes in-app only, so no email
 * wakes anyone and none arrives after the session started. Times in the text are in the member's own
 * time zone.
 */
@Component
class AppointmentReminders {

    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("care-appointment-reminder");
    static final List<Duration> LEADS = List.of(Duration.ofHours(24), Duration.ofHours(1));
    static final String KIND = "care.appointment.reminder";
    /** A held reminder must still arrive at least this long before the session. */
    static final Duration LATEST_USEFUL = Duration.ofMinutes(15);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

    private final ObjectProvider<SchedulerClient> scheduler;
    private final AppointmentStore store;
    private final Notifications notifications;
    private final Accounts accounts;
    private final Clock clock;

    AppointmentReminders(
            ObjectProvider<SchedulerClient> scheduler,
            AppointmentStore store,
            Notifications notifications,
            Accounts accounts,
            Clock clock) {
        this.scheduler = scheduler;
        this.store = store;
        this.notifications = notifications;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Schedules the reminders that still lie in the future. */
    void schedule(Appointment appointment) {
        Instant now = clock.instant();
        for (Duration lead : LEADS) {
            Instant at = appointment.start().minus(lead);
            if (at.isAfter(now)) {
                scheduler
                        .getObject()
                        .schedule(TASK.instance(instanceId(appointment.id(), lead))
                                .scheduledTo(at));
            }
        }
    }

    /** Cancels the appointment's waiting reminders; one already running finds the appointment changed. */
    void cancel(UUID appointmentId) {
        SchedulerClient client = scheduler.getObject();
        for (Duration lead : LEADS) {
            TaskInstanceId id = TASK.instanceId(instanceId(appointmentId, lead));
            if (client.getScheduledExecution(id)
                    .filter(execution -> !execution.isPicked())
                    .isPresent()) {
                client.cancel(id);
            }
        }
    }

    /**
     * Runs one reminder. Returns when to try again (the end of the member's quiet hours), or null when
     * the job is done: sent, or no longer needed because the session was cancelled or has begun.
     */
    @Transactional
    @Nullable
    Instant fire(String instanceId) {
        UUID appointmentId = UUID.fromString(instanceId.substring(0, instanceId.indexOf(':')));
        Duration lead = Duration.parse(instanceId.substring(instanceId.indexOf(':') + 1));
        Optional<Appointment> found = store.find(appointmentId);
        Instant now = clock.instant();
        if (found.isEmpty()
                || found.get().status() != Appointment.Status.BOOKED
                || !now.isBefore(found.get().start())) {
            return null;
        }
        Appointment appointment = found.get();
        Instant due = appointment.start().minus(lead);
        if (now.isBefore(due)) {
            return due;
        }
        Set<Notification.Channel> channels = Set.of(Notification.Channel.IN_APP, Notification.Channel.EMAIL);
        Optional<QuietHours> quiet = notifications.quietHours(appointment.memberId());
        if (quiet.isPresent() && quiet.get().covers(now)) {
            Instant end = quiet.get().nextEnd(now);
            if (end.isBefore(appointment.start().minus(LATEST_USEFUL))) {
                return end;
            }
            channels = Set.of(Notification.Channel.IN_APP);
        }
        Optional<Account> member = accounts.find(appointment.memberId());
        ZoneId zone = member.map(Account::timeZone)
                .filter(id -> !id.isBlank())
                .map(ZoneId::of)
                .orElse(ZoneId.of("UTC"));
        String clinician = accounts.find(appointment.clinicianId())
                .map(Account::displayName)
                .orElse("your clinician");
        String when = WHEN.format(appointment.start().atZone(zone));
        String title = lead.toHours() >= 24 ? "Your session is tomorrow" : "Your session starts in an hour";
        notifications.send(new Notification(
                appointment.memberId(),
                KIND,
                title,
                "With " + clinician + " on " + when + " (" + zone.getId() + "). The video link is on your"
                        + " appointments page.",
                "/appointments",
                Notification.Priority.NORMAL,
                channels));
        return null;
    }

    static String instanceId(UUID appointmentId, Duration lead) {
        return appointmentId + ":" + lead;
    }
}
