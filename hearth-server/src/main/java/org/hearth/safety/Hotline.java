package org.hearth.safety;

import org.jspecify.annotations.Nullable;

/**
 * A crisis line from the hotline directory.
 *
 * @param name the line's name, e.g. "988 Suicide & Crisis Lifeline"
 * @param phone the number to call, as dialled ({@code tel:} link), or null when text-only
 * @param sms the number to text ({@code sms:} link), or null
 * @param smsBody what to text, when the line asks for a keyword (e.g. HOME)
 * @param description when to use it, in one plain sentence
 * @param url the line's web page, or null; for a directory (findahelpline.com) it is the way in
 * @param emergency whether this is the local emergency number
 */
public record Hotline(
        String name,
        @Nullable String phone,
        @Nullable String sms,
        @Nullable String smsBody,
        String description,
        @Nullable String url,
        boolean emergency) {}
