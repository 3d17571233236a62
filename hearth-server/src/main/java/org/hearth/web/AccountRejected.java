package org.hearth.web;

/**
 * Identity declined to create an account for a reason the person can fix on the form. Carries no
 * form input, so it is safe to log.
 */
final class AccountRejected extends Exception {

    enum Reason {
        EMAIL_TAKEN,
        WEAK_PASSWORD,
        RATE_LIMITED
    }

    private final Reason reason;

    AccountRejected(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
