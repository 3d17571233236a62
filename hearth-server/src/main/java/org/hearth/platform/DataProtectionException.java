package org.hearth.platform;

/**
 * Sealed data could not be opened. The message names the reason and at most a key id, never any
 * content, so it is safe to log.
 */
public class DataProtectionException extends RuntimeException {

    /** Why opening failed. */
    public enum Reason {
        /** No key exists any more for the data: the member's keys were destroyed (erasure). */
        KEY_DESTROYED,
        /** The data, its associated data or its key wrap does not authenticate: tampered or misused. */
        INTEGRITY,
        /** The password or recovery code does not unwrap the key. */
        SECRET_REJECTED,
        /**
         * The data is sealed with the member's private key (private-journal mode), which is not
         * unlocked on this node: only the member's password or recovery code opens it.
         */
        LOCKED
    }

    private final Reason reason;

    DataProtectionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    DataProtectionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
