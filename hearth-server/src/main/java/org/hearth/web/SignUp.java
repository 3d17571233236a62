package org.hearth.web;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/**
 * The one thing the sign-up page needs from identity: creating a member account for a person who
 * signs themselves up, in the default organization.
 */
interface SignUp {

    /**
     * Creates the member account. The caller has already checked the form (a plausible email, a
     * password of at least 10 characters, a display name); identity applies its own rules too.
     *
     * @return the new account's id
     * @throws AccountRejected with {@link AccountRejected.Reason#EMAIL_TAKEN} when an account with
     *     this email exists, or {@link AccountRejected.Reason#WEAK_PASSWORD} when identity finds the
     *     password too common or too weak
     */
    UUID register(String email, String password, String displayName, Locale locale, ZoneId timeZone)
            throws AccountRejected;
}
