package org.hearth.journal;

import java.util.Locale;
import java.util.UUID;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;

/**
 * The locale that picks a member's hotlines: the one on their account, because a browser's or an
 * HTTP client's language says little about which country's crisis line reaches them; the request's
 * only when the account has none.
 */
public final class MemberLocale {

    private MemberLocale() {}

    /** For a caller who may not be a person (an API key): then the request's locale. */
    public static Locale of(Accounts accounts, Caller caller, Locale requested) {
        UUID userId = caller.userId();
        return userId == null ? requested : of(accounts, userId, requested);
    }

    public static Locale of(Accounts accounts, UUID memberId, Locale requested) {
        return accounts.find(memberId)
                .map(Account::locale)
                .filter(tag -> !tag.isBlank())
                .map(Locale::forLanguageTag)
                .orElse(requested);
    }
}
