package org.hearth.journal;

import java.time.ZoneId;
import java.util.Locale;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.springframework.stereotype.Component;

/** The signed-in member's own locale (it picks the crisis lines) and time zone, for the pages. */
@Component
class MemberLocale {

    private final Accounts accounts;

    MemberLocale(Accounts accounts) {
        this.accounts = accounts;
    }

    Locale of(Caller caller, Locale requestLocale) {
        if (caller.userId() == null) {
            return requestLocale;
        }
        return accounts.find(caller.userId())
                .map(Account::locale)
                .filter(tag -> !tag.isBlank())
                .map(Locale::forLanguageTag)
                .orElse(requestLocale);
    }

    ZoneId zoneOf(Caller caller) {
        if (caller.userId() == null) {
            return ZoneId.of("UTC");
        }
        return accounts.find(caller.userId())
                .map(Account::timeZone)
                .filter(zone -> !zone.isBlank() && ZoneId.getAvailableZoneIds().contains(zone))
                .map(ZoneId::of)
                .orElse(ZoneId.of("UTC"));
    }
}
