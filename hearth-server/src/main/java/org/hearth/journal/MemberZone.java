package org.hearth.journal;

import java.time.ZoneId;
import java.util.Locale;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.springframework.stereotype.Component;

/** For the pages: the signed-in member's own time zone (dates are shown in it) and locale. */
@Component
class MemberZone {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final Accounts accounts;

    MemberZone(Accounts accounts) {
        this.accounts = accounts;
    }

    Locale localeOf(Caller caller, Locale requestLocale) {
        return caller.userId() == null ? requestLocale : MemberLocale.of(accounts, caller.userId(), requestLocale);
    }

    ZoneId zoneOf(Caller caller) {
        if (caller.userId() == null) {
            return UTC;
        }
        return accounts.find(caller.userId())
                .map(Account::timeZone)
                .filter(zone -> !zone.isBlank() && ZoneId.getAvailableZoneIds().contains(zone))
                .map(ZoneId::of)
                .orElse(UTC);
    }
}
