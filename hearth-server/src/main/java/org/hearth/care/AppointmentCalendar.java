package org.hearth.care;

import java.net.URI;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iCalendar (RFC 5545) form of an appointment, built with ical4j. The UID is fixed at booking
 * and SEQUENCE grows with each change, so calendar apps update the event they already have instead
 * of adding a second one; a cancelled appointment is sent as METHOD:CANCEL. Times are in UTC, which
 * every client shows in its own zone. The summary names no diagnosis or member detail.
 */
final class AppointmentCalendar {

    static final String PRODUCT = "-//Hearth//Care//EN";

    private AppointmentCalendar() {}

    static String of(Appointment appointment, String otherPartyName) {
        boolean cancelled = appointment.status() == Appointment.Status.CANCELLED;
        VEvent event = new VEvent(appointment.start(), appointment.end(), "Session with " + otherPartyName);
        event.add(new Uid(appointment.icalUid()));
        event.add(new Sequence(appointment.sequence()));
        event.add(new Url(URI.create(appointment.videoUrl())));
        event.add(new Location(appointment.videoUrl()));
        event.add(new Description("Join the video session: " + appointment.videoUrl()));
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(event);
        return calendar.toString();
    }
}
