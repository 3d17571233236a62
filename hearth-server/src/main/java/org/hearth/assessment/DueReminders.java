package org.hearth.assessment;

import java.util.Set;
import org.hearth.notify.Notification;
import org.hearth.notify.Notifications;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns a due assessment into an in-app reminder. Runs after the due item committed, from the event
 * publication registry, so a failed send is retried and the due item stays listed either way. The
 * text names the instrument only, never a score.
 */
@Component
class DueReminders {

    private final InstrumentCatalogue catalogue;
    private final Notifications notifications;

    DueReminders(InstrumentCatalogue catalogue, Notifications notifications) {
        this.catalogue = catalogue;
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(AssessmentDue due) {
        Instrument instrument = catalogue.require(due.instrumentId());
        notifications.send(new Notification(
                due.memberId(),
                "assessment.due",
                "A check-in is ready: " + instrument.shortName(),
                "It takes a few minutes. Your answers show how things are changing for you over time.",
                "/assessments/" + instrument.id(),
                Notification.Priority.NORMAL,
                Set.of(Notification.Channel.IN_APP)));
    }
}
