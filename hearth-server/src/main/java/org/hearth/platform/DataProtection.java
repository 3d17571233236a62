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
     * Adds (or replaces) a wrap of the member's existing data key by a key derived from a secret with
     * Argon2id: the member's password ({@link WrapKind#PASSWORD}) or a recovery code
     * ({@link WrapKind#RECOVERY}). This is the seam for the private-journal mode, which will later
     * drop the {@link WrapKind#ORG_KEK} wrap so that only the member can open their data.
     *
     * @throws IllegalArgumentException for {@link WrapKind#ORG_KEK}
     * @throws DataProtectionException if the member has no data key
     */
    void addSecretWrap(UUID memberId, WrapKind kind, char[] secret);

    /**
     * Opens data with the data key unwrapped from a password or recovery-code wrap.
     *
     * @throws DataProtectionException with {@link DataProtectionException.Reason#SECRET_REJECTED} for
     *     a wrong secret
     */
    byte[] openWithSecret(UUID memberId, WrapKind kind, char[] secret, Sealed sealed, byte[] associatedData);
}
