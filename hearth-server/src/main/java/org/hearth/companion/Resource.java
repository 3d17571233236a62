package org.hearth.companion;

import org.hearth.safety.Hotline;
import org.jspecify.annotations.Nullable;

/**
 * Something a reply offers besides its words: an exercise to open, or a line to call or text.
 *
 * @param type {@code EXERCISE} or {@code HOTLINE}
 * @param id the exercise id (e.g. {@code box-breathing}); for a hotline, its name
 * @param title what to show
 * @param description one line on what it is for
 * @param phone for a hotline, the number to call, if any
 * @param sms for a hotline, the number to text, if any
 * @param smsBody for a hotline, what to text, if it asks for a keyword
 * @param url for a hotline, its web page, if any
 * @param emergency whether this is the local emergency number
 */
public record Resource(
        String type,
        String id,
        String title,
        String description,
        @Nullable String phone,
        @Nullable String sms,
        @Nullable String smsBody,
        @Nullable String url,
        boolean emergency) {

    public static final String EXERCISE = "EXERCISE";
    public static final String HOTLINE = "HOTLINE";

    static Resource of(Exercise exercise) {
        return new Resource(
                EXERCISE, exercise.id(), exercise.title(), exercise.purpose(), null, null, null, null, false);
    }

    static Resource of(Hotline line) {
        return new Resource(
                HOTLINE,
                line.name(),
                line.name(),
                line.description(),
                line.phone(),
                line.sms(),
                line.smsBody(),
                line.url(),
                line.emergency());
    }
}
