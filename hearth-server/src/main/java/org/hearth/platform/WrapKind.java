package org.hearth.platform;

/** How a member data key is wrapped; a key may have one wrap of each kind. */
public enum WrapKind {
    /** By the organization's key-encryption key from the keyring: the server can open it. */
    ORG_KEK,
    /** By a key derived from the member's password with Argon2id (the private-journal mode). */
    PASSWORD,
    /** By a key derived from a recovery code with Argon2id, for when the password is lost. */
    RECOVERY
}
