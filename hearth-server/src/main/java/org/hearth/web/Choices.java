package org.hearth.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages and regions and the time zones offered on forms. The locale picks the crisis lines
 * a person is shown, so the list stays short and every entry is a real region.
 */
final class Choices {

    record Option(String value, String label) {}

    static final List<String> LOCALE_TAGS = List.of(
            "en-US", "en-GB", "en-CA", "en-AU", "en-NZ", "en-IE", "en-IN", "en-ZA", "de-DE", "de-AT", "de-CH", "fr-FR",
            "fr-CA", "es-ES", "es-MX", "it-IT", "nl-NL", "pt-BR", "pt-PT", "pl-PL", "sv-SE");

    static final List<Option> LOCALES = LOCALE_TAGS.stream()
            .map(tag -> {
                Locale locale = Locale.forLanguageTag(tag);
                return new Option(tag, locale.getDisplayName(locale));
            })
            .toList();

    static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(Choices::isRegionZone)
            .sorted()
            .toList();

    private Choices() {}

    /** The supported locale closest to what the browser asked for, else US English. */
    static String preferredLocale(Locale requested) {
        String tag = requested.toLanguageTag();
        if (LOCALE_TAGS.contains(tag)) {
            return tag;
        }
        return LOCALE_TAGS.stream()
                .filter(candidate -> candidate.startsWith(requested.getLanguage() + "-"))
                .findFirst()
                .orElse("en-US");
    }

    static Optional<Locale> locale(String tag) {
        return LOCALE_TAGS.contains(tag) ? Optional.of(Locale.forLanguageTag(tag)) : Optional.empty();
    }

    static Optional<ZoneId> timeZone(String id) {
        if (!TIME_ZONES.contains(id) && !id.equals("UTC")) {
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(id));
    }

    // Region/City ids only: the legacy aliases (EST, SystemV/…, Etc/GMT+5) confuse more than help.
    private static boolean isRegionZone(String id) {
        return id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/") || id.equals("UTC");
    }
}
