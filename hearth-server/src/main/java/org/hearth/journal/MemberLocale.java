package org.hearth.journal;

import java.util.Locale;
import java.util.UUID;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;

/**
 * The locale that picks a member's hotlines: the one on their account, because a browser's or an
 * HTTP client's language says little about which country's crisis line reaches them; the request's
 * only when the account has none.
 */
public final class MemberLocale {

    private MemberLocale() {}

    public static Locale of(Accounts accounts, UUID memberId, Locale requested) {
        return accounts.find(memberId)
                .map(Account::locale)
                .filter(tag -> !tag.isBlank())
                .map(Locale::forLanguageTag)
                .orElse(requested);
    }
}
