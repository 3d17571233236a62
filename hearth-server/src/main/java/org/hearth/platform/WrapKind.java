package org.hearth.platform;

/**
 * How a member data key is wrapped. A member has at most one key of each use: the shared key has an
 * {@link #ORG_KEK} wrap; the private key of the private-journal mode has a {@link #PASSWORD} and a
 * {@link #RECOVERY} wrap and never an organization wrap.
 */
public enum WrapKind {
    /** By the organization's key-encryption key from the keyring: the server can open it. */
    ORG_KEK,
    /** By a key derived from the member's password with Argon2id (the private-journal mode). */
    PASSWORD,
    /** By a key derived from a recovery code with Argon2id, for when the password is lost. */
    RECOVERY
}
