package org.hearth.identity;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks and normalizes what people type about themselves; collects every problem at once. */
final class AccountInput {

    static final String DEFAULT_LOCALE = "en-US";
    static final String DEFAULT_TIME_ZONE = "UTC";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final Set<String> LANGUAGES = new HashSet<>(Arrays.asList(Locale.getISOLanguages()));

    final Map<String, String> errors = new LinkedHashMap<>();

    String email(@Nullable String email) {
        String value = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            errors.put("email", "Enter your email address.");
        } else if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            errors.put("email", "Enter a valid email address.");
        }
        return value;
    }

    String displayName(@Nullable String displayName) {
        String value = displayName == null ? "" : displayName.strip();
        if (value.isEmpty()) {
            errors.put("displayName", "Enter a name.");
        } else if (value.length() > 100) {
            errors.put("displayName", "Use at most 100 characters.");
        }
        return value;
    }

    String locale(@Nullable String locale) {
        if (locale == null || locale.isBlank()) {
            return DEFAULT_LOCALE;
        }
        Locale parsed = Locale.forLanguageTag(locale.strip());
        String tag = parsed.toLanguageTag();
        if (!LANGUAGES.contains(parsed.getLanguage()) || !tag.equalsIgnoreCase(locale.strip())) {
            errors.put("locale", "Use a language tag such as en-US or de-DE.");
            return DEFAULT_LOCALE;
        }
        return tag;
    }

    String timeZone(@Nullable String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return DEFAULT_TIME_ZONE;
        }
        String value = timeZone.strip();
        try {
            // Only region ids (Europe/Berlin) and UTC: fixed offsets ignore daylight saving time.
            if (value.equals("UTC") || ZoneId.getAvailableZoneIds().contains(value)) {
                return ZoneId.of(value).getId();
            }
        } catch (DateTimeException ignored) {
            // reported below
        }
        errors.put("timeZone", "Use an IANA time zone such as Europe/Berlin.");
        return DEFAULT_TIME_ZONE;
    }

    void password(PasswordPolicy policy, @Nullable String password, @Nullable String email) {
        policy.weakness(password, email).ifPresent(reason -> errors.put("password", reason));
    }

    boolean valid() {
        return errors.isEmpty();
    }
}
