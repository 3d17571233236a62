package org.hearth.identity;

import java.util.UUID;

/** Checks a person's account password for other modules, e.g. before a choice that needs it. */
public interface Passwords {

    /** Whether the password is the account's current one; false for an unknown or erased account. */
    boolean matches(UUID userId, String password);
}
