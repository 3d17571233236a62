package org.hearth.platform;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Envelope encryption of member content. Each member has a data key (AES-256-GCM), created on first
 * use and stored only wrapped by the organization's key-encryption key (see ADR 0001). Sealed data
 * carries the id of the key that sealed it; {@code associatedData} binds it to its place (for
 * example the table and row id), so a ciphertext copied to another row or member does not open.
 */
public interface DataProtection {

    /**
     * Seals plaintext for a member, creating the member's data key (wrapped by the organization's
     * current key-encryption key) if this is the first use.
     *
     * @param organizationId the member's organization; used when the data key is created
     * @param associatedData authenticated but not encrypted context; the same bytes are needed to open
     */
    Sealed seal(UUID memberId, UUID organizationId, byte[] plaintext, byte[] associatedData);

    /**
     * Opens data sealed for a member.
     *
     * @throws DataProtectionException with {@link DataProtectionException.Reason#KEY_DESTROYED} after
     *     {@link #destroy(UUID)}, or {@link DataProtectionException.Reason#INTEGRITY} when the data, its
     *     associated data or the member does not match what was sealed
     */
    byte[] open(UUID memberId, Sealed sealed, byte[] associatedData);

    /** {@link #seal} for text, encoded as UTF-8. */
    default Sealed sealString(UUID memberId, UUID organizationId, String plaintext, byte[] associatedData) {
        return seal(memberId, organizationId, plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
    }

    /** {@link #open} for text sealed with {@link #sealString}. */
    default String openString(UUID memberId, Sealed sealed, byte[] associatedData) {
        return new String(open(memberId, sealed, associatedData), StandardCharsets.UTF_8);
    }

    /**
     * Adds a new version of the organization's key-encryption key and makes it primary. New data keys
     * are wrapped with it; existing wraps keep opening with their old version until {@link #rewrap}.
     *
     * @return the new primary version
     */
    int rotateKeyEncryptionKey(UUID organizationId);

    /**
     * Re-wraps every data key of the organization that is not wrapped by the primary key-encryption
     * key version. Sealed data is untouched: only the small wrapped keys change.
     *
     * @return how many data keys were re-wrapped
     */
    int rewrap(UUID organizationId);

    /**
     * Crypto-shreds a member: every wrap of every data key of theirs is deleted and dropped from the
     * cache, so nothing sealed for them can be opened again, by anyone. Irreversible.
     */
    void destroy(UUID memberId);

    /**
     * Seals content that follows the member's private-journal choice: with their private data key
     * when they have made their journal private and it is unlocked, with the organization-wrapped key
     * ({@link #seal}) when they have not.
     *
     * @throws DataProtectionException with {@link DataProtectionException.Reason#LOCKED} when the
     *     member's journal is private and not unlocked on this node
     */
    Sealed sealPersonal(UUID memberId, UUID organizationId, byte[] plaintext, byte[] associatedData);

    /** {@link #sealPersonal} for text, encoded as UTF-8. */
    default Sealed sealPersonalString(UUID memberId, UUID organizationId, String plaintext, byte[] associatedData) {
        return sealPersonal(memberId, organizationId, plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
    }

    /** Whether the member has a private data key, wrapped by their password and not by the organization. */
    boolean isPrivate(UUID memberId);

    /** Whether the member's private data key is unlocked in this node's memory. */
    boolean isUnlocked(UUID memberId);

    /**
     * Creates the member's private data key, wrapped twice: by a key derived from their password and
     * by one derived from a fresh recovery code, never by the organization's key. The key stays
     * unlocked here, so the caller can re-seal the member's content with {@link #sealPersonal} next.
     *
     * @return the recovery code, shown to the member once and stored nowhere in the clear
     * @throws IllegalStateException when the member already has a private key
     */
    String makePrivate(UUID memberId, UUID organizationId, char[] password);

    /**
     * Unwraps the member's private data key with their password and keeps it in this node's memory
     * until {@link #lock}, erasure, or the configured idle time passes without use.
     *
     * @return false when the member has no private key (nothing to unlock)
     * @throws DataProtectionException with {@link DataProtectionException.Reason#SECRET_REJECTED} for
     *     a wrong password
     */
    boolean unlock(UUID memberId, char[] password);

    /** Forgets the member's unlocked private key on this node. Does nothing when none is unlocked. */
    void lock(UUID memberId);

    /**
     * Re-wraps the private key from the old password to the new one. The recovery wrap is untouched.
     * Does nothing when the member has no private key.
     *
     * @throws DataProtectionException with {@link DataProtectionException.Reason#SECRET_REJECTED} for
     *     a wrong old password
     */
    void changePassword(UUID memberId, char[] oldPassword, char[] newPassword);

    /**
     * Unwraps the private key with the recovery code, wraps it by the new password and by a new
     * recovery code (the used one stops working), and leaves it unlocked.
     *
     * @return the new recovery code
     * @throws DataProtectionException with {@link DataProtectionException.Reason#SECRET_REJECTED} for
     *     a wrong code, {@link DataProtectionException.Reason#KEY_DESTROYED} when there is no private key
     */
    String recover(UUID memberId, char[] recoveryCode, char[] newPassword);

    /**
     * Deletes the wraps of the member's private key, after the caller has re-sealed everything it
     * sealed with {@link #seal}. Whatever is still sealed under the private key can no longer be
     * opened. Does nothing when the member has no private key.
     */
    void releasePrivate(UUID memberId);
}
