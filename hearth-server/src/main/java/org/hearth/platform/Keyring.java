package org.hearth.platform;

import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Per-organization key-encryption keys, versioned. The embedded default keeps them in files
 * ({@link FileKeyring}); a production deployment would put a KMS behind this interface (ADR 0001).
 */
interface Keyring {

    /** A key-encryption key and its version. */
    record Kek(int version, SecretKey key) {}

    /** The organization's primary key, created as version 1 on first use. */
    Kek primary(UUID organizationId);

    /** A specific version, if the keyring still holds it. */
    Optional<SecretKey> version(UUID organizationId, int version);

    /** Adds a new version and makes it primary; older versions stay for unwrapping. */
    Kek rotate(UUID organizationId);
}
