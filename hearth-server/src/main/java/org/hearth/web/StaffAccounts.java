package org.hearth.web;

import java.util.Set;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;

/** The one thing the admin's staff page needs from identity: creating a staff account. */
interface StaffAccounts {

    /**
     * Creates a staff account in the admin's organization with an initial password the admin hands
     * over privately.
     *
     * @param admin the signed-in organization admin; identity checks the role again
     * @param roles one or more of CLINICIAN, RESPONDER, SUPERVISOR, TRAINEE, ORG_ADMIN
     * @return the new account's id
     * @throws AccountRejected when the email is taken or the password is too weak
     */
    UUID create(Caller admin, String email, String password, String displayName, Set<Role> roles)
            throws AccountRejected;
}
