package org.hearth.identity;

import java.util.UUID;

/**
 * Closes a person's account for good, as the last step of erasing their data. Other modules delete
 * their own content first (or on {@link AccountErased}); this removes what identity holds.
 */
public interface AccountClosure {

    /**
     * Erases the account: email, name and password are replaced, every token family is revoked, the
     * second factor and consents are deleted, and sign-in and bearer tokens stop working at once.
     * The row and its id stay, so incidents and audit lines keep pointing at someone. Publishes
     * {@link AccountErased}. Idempotent.
     *
     * @return whether the account existed and was not erased before
     */
    boolean close(UUID userId);
}
