package org.hearth.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link DataProtection} with data keys in {@code member_data_keys} and key-encryption keys in a
 * {@link Keyring}. Unwrapped data keys stay in memory for a short time only (the cache's TTL), so
 * a destroy on another node takes effect here within that time at the latest.
 *
 * <p>A private key (private-journal mode) is never wrapped by the organization's key, so it is not
 * in that cache: once unwrapped with the member's password it lives in {@code unlocked}, on this
 * node only, until sign-out, erasure or the idle time without use.
 */
class EnvelopeDataProtection implements DataProtection {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeDataProtection.class);

    /** An unwrapped data key and whose it is. */
    private record DataKey(UUID keyId, UUID memberId, SecretKey key) {}

    private record Wrap(UUID keyId, UUID organizationId, int kekVersion, byte[] wrapped) {}

    private record SecretWrap(UUID keyId, UUID organizationId, String params, byte[] wrapped) {}

    private final JdbcClient jdbc;
    private final Keyring keyring;
    private final Clock clock;
    private final Cache<UUID, DataKey> keysById;
    private final Cache<UUID, UUID> keyIdByMember;
    private final Cache<UUID, DataKey> unlocked;

    EnvelopeDataProtection(JdbcClient jdbc, Keyring keyring, Clock clock, Duration cacheTtl, Duration privateIdle) {
        this.jdbc = jdbc;
        this.keyring = keyring;
        this.clock = clock;
        this.keysById = Caffeine.newBuilder()
                .expireAfterWrite(cacheTtl)
                .maximumSize(10_000)
                .build();
        this.keyIdByMember = Caffeine.newBuilder()
                .expireAfterWrite(cacheTtl)
                .maximumSize(10_000)
                .build();
        this.unlocked = Caffeine.newBuilder()
                .expireAfterAccess(privateIdle)
                .ticker(() -> {
                    var now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .build();
    }

    @Override
    public Sealed seal(UUID memberId, UUID organizationId, byte[] plaintext, byte[] associatedData) {
        return sealWith(currentKey(memberId, organizationId), memberId, plaintext, associatedData);
    }

    private static Sealed sealWith(DataKey dataKey, UUID memberId, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = Aead.nonce();
        byte[] ciphertext =
                Aead.encrypt(dataKey.key(), nonce, plaintext, contentAad(dataKey.keyId(), memberId, associatedData));
        return new Sealed(dataKey.keyId(), nonce, ciphertext);
    }

    @Override
    public byte[] open(UUID memberId, Sealed sealed, byte[] associatedData) {
        DataKey dataKey = keyForOpening(memberId, sealed.keyId());
        return decrypt(dataKey.key(), memberId, sealed, associatedData);
    }

    @Override
    public int rotateKeyEncryptionKey(UUID organizationId) {
        return keyring.rotate(organizationId).version();
    }

    @Override
    public int rewrap(UUID organizationId) {
        Keyring.Kek primary = keyring.primary(organizationId);
        List<Wrap> stale = jdbc.sql("""
                        select key_id, member_id, organization_id, kek_version, wrapped_key
                        from member_data_keys
                        where organization_id = :org and wrap_kind = 'ORG_KEK' and kek_version <> :primary
                        """)
                .param("org", organizationId)
                .param("primary", primary.version())
                .query((row, n) -> new Wrap(
                        row.getObject("key_id", UUID.class),
                        row.getObject("organization_id", UUID.class),
                        row.getInt("kek_version"),
                        row.getBytes("wrapped_key")))
                .list();
        int rewrapped = 0;
        for (Wrap wrap : stale) {
            UUID memberId = memberOf(wrap.keyId());
            if (memberId == null) {
                continue;
            }
            SecretKey dataKey = unwrapWithKek(wrap, memberId);
            byte[] again = Aead.wrap(
                    primary.key(), dataKey, wrapAad(wrap.keyId(), memberId, organizationId, WrapKind.ORG_KEK));
            rewrapped += jdbc.sql("""
                            update member_data_keys set wrapped_key = :wrapped, kek_version = :primary
                            where key_id = :key and wrap_kind = 'ORG_KEK' and kek_version = :old
                            """)
                    .param("wrapped", again)
                    .param("primary", primary.version())
                    .param("key", wrap.keyId())
                    .param("old", wrap.kekVersion())
                    .update();
        }
        log.info(
                "Re-wrapped {} data keys of organization {} to key version {}",
                rewrapped,
                organizationId,
                primary.version());
        return rewrapped;
    }

    @Override
    public void destroy(UUID memberId) {
        int deleted = jdbc.sql("delete from member_data_keys where member_id = :member")
                .param("member", memberId)
                .update();
        keyIdByMember.invalidate(memberId);
        keysById.asMap().values().removeIf(key -> key.memberId().equals(memberId));
        unlocked.invalidate(memberId);
        log.info("Destroyed {} data key wraps of member {}", deleted, memberId);
    }

    @Override
    public Sealed sealPersonal(UUID memberId, UUID organizationId, byte[] plaintext, byte[] associatedData) {
        Optional<SecretWrap> privateKey = secretWrapOf(memberId, WrapKind.PASSWORD);
        if (privateKey.isEmpty()) {
            return seal(memberId, organizationId, plaintext, associatedData);
        }
        return sealWith(unlockedKey(memberId, privateKey.get().keyId()), memberId, plaintext, associatedData);
    }

    @Override
    public boolean isPrivate(UUID memberId) {
        return secretWrapOf(memberId, WrapKind.PASSWORD).isPresent();
    }

    @Override
    public boolean isUnlocked(UUID memberId) {
        DataKey key = unlocked.getIfPresent(memberId);
        return key != null
                && secretWrapOf(memberId, WrapKind.PASSWORD)
                        .map(wrap -> wrap.keyId().equals(key.keyId()))
                        .orElse(false);
    }

    @Override
    public String makePrivate(UUID memberId, UUID organizationId, char[] password) {
        if (isPrivate(memberId)) {
            throw new IllegalStateException("The member already has a private key");
        }
        UUID keyId = UUID.randomUUID();
        SecretKey key = Aead.newKey();
        String code = RecoveryCodes.fresh();
        putSecretWrap(keyId, memberId, organizationId, WrapKind.PASSWORD, password, key);
        putSecretWrap(keyId, memberId, organizationId, WrapKind.RECOVERY, RecoveryCodes.normalize(code), key);
        unlocked.put(memberId, new DataKey(keyId, memberId, key));
        log.info("Member {} now has a private data key {}", memberId, keyId);
        return code;
    }

    @Override
    public boolean unlock(UUID memberId, char[] password) {
        Optional<SecretWrap> wrap = secretWrapOf(memberId, WrapKind.PASSWORD);
        if (wrap.isEmpty()) {
            return false;
        }
        SecretKey key = unwrapSecret(wrap.get(), memberId, WrapKind.PASSWORD, password);
        unlocked.put(memberId, new DataKey(wrap.get().keyId(), memberId, key));
        return true;
    }

    @Override
    public void lock(UUID memberId) {
        unlocked.invalidate(memberId);
    }

    @Override
    public void changePassword(UUID memberId, char[] oldPassword, char[] newPassword) {
        Optional<SecretWrap> wrap = secretWrapOf(memberId, WrapKind.PASSWORD);
        if (wrap.isEmpty()) {
            return;
        }
        SecretWrap current = wrap.get();
        SecretKey key = unwrapSecret(current, memberId, WrapKind.PASSWORD, oldPassword);
        putSecretWrap(current.keyId(), memberId, current.organizationId(), WrapKind.PASSWORD, newPassword, key);
    }

    @Override
    public String recover(UUID memberId, char[] recoveryCode, char[] newPassword) {
        SecretWrap wrap = secretWrapOf(memberId, WrapKind.RECOVERY)
                .orElseThrow(() -> new DataProtectionException(
                        DataProtectionException.Reason.KEY_DESTROYED, "The member has no private key"));
        SecretKey key = unwrapSecret(wrap, memberId, WrapKind.RECOVERY, RecoveryCodes.normalize(recoveryCode));
        String code = RecoveryCodes.fresh();
        putSecretWrap(wrap.keyId(), memberId, wrap.organizationId(), WrapKind.PASSWORD, newPassword, key);
        putSecretWrap(
                wrap.keyId(), memberId, wrap.organizationId(), WrapKind.RECOVERY, RecoveryCodes.normalize(code), key);
        unlocked.put(memberId, new DataKey(wrap.keyId(), memberId, key));
        return code;
    }

    @Override
    public void releasePrivate(UUID memberId) {
        int deleted = jdbc.sql("""
                        delete from member_data_keys
                        where member_id = :member and wrap_kind in ('PASSWORD', 'RECOVERY')
                        """).param("member", memberId).update();
        unlocked.invalidate(memberId);
        if (deleted > 0) {
            log.info("Member {} no longer has a private data key", memberId);
        }
    }

    private DataKey unlockedKey(UUID memberId, UUID privateKeyId) {
        DataKey key = unlocked.getIfPresent(memberId);
        if (key == null || !key.keyId().equals(privateKeyId)) {
            throw new DataProtectionException(
                    DataProtectionException.Reason.LOCKED, "The private key " + privateKeyId + " is locked");
        }
        return key;
    }

    private Optional<SecretWrap> secretWrapOf(UUID memberId, WrapKind kind) {
        return jdbc.sql("""
                        select key_id, organization_id, wrap_params, wrapped_key from member_data_keys
                        where member_id = :member and wrap_kind = :kind
                        """)
                .param("member", memberId)
                .param("kind", kind.name())
                .query((row, n) -> new SecretWrap(
                        row.getObject("key_id", UUID.class),
                        row.getObject("organization_id", UUID.class),
                        row.getString("wrap_params"),
                        row.getBytes("wrapped_key")))
                .optional();
    }

    private static SecretKey unwrapSecret(SecretWrap wrap, UUID memberId, WrapKind kind, char[] secret) {
        try {
            return Aead.unwrap(
                    PasswordKeyDerivation.decode(wrap.params()).derive(secret),
                    wrap.wrapped(),
                    wrapAad(wrap.keyId(), memberId, wrap.organizationId(), kind));
        } catch (AEADBadTagException e) {
            throw new DataProtectionException(
                    DataProtectionException.Reason.SECRET_REJECTED, "The secret does not unwrap key " + wrap.keyId());
        }
    }

    private void putSecretWrap(
            UUID keyId, UUID memberId, UUID organizationId, WrapKind kind, char[] secret, SecretKey key) {
        PasswordKeyDerivation derivation = PasswordKeyDerivation.fresh();
        byte[] wrapped = Aead.wrap(derivation.derive(secret), key, wrapAad(keyId, memberId, organizationId, kind));
        jdbc.sql("""
                        insert into member_data_keys
                            (key_id, member_id, organization_id, wrap_kind, kek_version, wrap_params, wrapped_key, created_at)
                        values (:key, :member, :org, :kind, null, :params, :wrapped, :at)
                        on conflict (key_id, wrap_kind)
                        do update set wrap_params = excluded.wrap_params, wrapped_key = excluded.wrapped_key,
                                      created_at = excluded.created_at
                        """)
                .param("key", keyId)
                .param("member", memberId)
                .param("org", organizationId)
                .param("kind", kind.name())
                .param("params", derivation.encode())
                .param("wrapped", wrapped)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** The member's data key, created and wrapped by the organization's primary KEK on first use. */
    private DataKey currentKey(UUID memberId, UUID organizationId) {
        UUID cachedId = keyIdByMember.getIfPresent(memberId);
        if (cachedId != null) {
            DataKey cached = keysById.getIfPresent(cachedId);
            if (cached != null) {
                return cached;
            }
        }
        Optional<Wrap> existing = orgWrapOf(memberId);
        if (existing.isEmpty()) {
            createKey(memberId, organizationId);
            existing = orgWrapOf(memberId);
        }
        Wrap wrap = existing.orElseThrow(() -> new IllegalStateException("The data key vanished while being created"));
        DataKey dataKey = new DataKey(wrap.keyId(), memberId, unwrapWithKek(wrap, memberId));
        remember(dataKey);
        return dataKey;
    }

    private void createKey(UUID memberId, UUID organizationId) {
        UUID keyId = UUID.randomUUID();
        Keyring.Kek kek = keyring.primary(organizationId);
        byte[] wrapped =
                Aead.wrap(kek.key(), Aead.newKey(), wrapAad(keyId, memberId, organizationId, WrapKind.ORG_KEK));
        // A concurrent first seal for the same member may win; both then use the winner's key.
        jdbc.sql("""
                        insert into member_data_keys
                            (key_id, member_id, organization_id, wrap_kind, kek_version, wrap_params, wrapped_key, created_at)
                        values (:key, :member, :org, 'ORG_KEK', :version, null, :wrapped, :at)
                        on conflict do nothing
                        """)
                .param("key", keyId)
                .param("member", memberId)
                .param("org", organizationId)
                .param("version", kek.version())
                .param("wrapped", wrapped)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    private DataKey keyForOpening(UUID memberId, UUID keyId) {
        DataKey cached = keysById.getIfPresent(keyId);
        if (cached != null && cached.memberId().equals(memberId)) {
            return cached;
        }
        Wrap wrap = jdbc.sql("""
                        select key_id, organization_id, kek_version, wrapped_key from member_data_keys
                        where key_id = :key and member_id = :member and wrap_kind = 'ORG_KEK'
                        """)
                .param("key", keyId)
                .param("member", memberId)
                .query((row, n) -> new Wrap(
                        row.getObject("key_id", UUID.class),
                        row.getObject("organization_id", UUID.class),
                        row.getInt("kek_version"),
                        row.getBytes("wrapped_key")))
                .optional()
                .orElse(null);
        if (wrap == null) {
            return privateKeyForOpening(memberId, keyId);
        }
        DataKey dataKey = new DataKey(keyId, memberId, unwrapWithKek(wrap, memberId));
        remember(dataKey);
        return dataKey;
    }

    /** The member's private key when the data was sealed with it: unlocked here, or locked. */
    private DataKey privateKeyForOpening(UUID memberId, UUID keyId) {
        boolean isTheirPrivateKey = secretWrapOf(memberId, WrapKind.PASSWORD)
                .map(wrap -> wrap.keyId().equals(keyId))
                .orElse(false);
        if (!isTheirPrivateKey) {
            throw new DataProtectionException(
                    DataProtectionException.Reason.KEY_DESTROYED,
                    "No key " + keyId + " exists for this member; it may have been destroyed");
        }
        return unlockedKey(memberId, keyId);
    }

    private Optional<Wrap> orgWrapOf(UUID memberId) {
        return jdbc.sql("""
                        select key_id, organization_id, kek_version, wrapped_key from member_data_keys
                        where member_id = :member and wrap_kind = 'ORG_KEK'
                        """)
                .param("member", memberId)
                .query((row, n) -> new Wrap(
                        row.getObject("key_id", UUID.class),
                        row.getObject("organization_id", UUID.class),
                        row.getInt("kek_version"),
                        row.getBytes("wrapped_key")))
                .optional();
    }

    private @Nullable UUID memberOf(UUID keyId) {
        return jdbc.sql("select member_id from member_data_keys where key_id = :key and wrap_kind = 'ORG_KEK'")
                .param("key", keyId)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private SecretKey unwrapWithKek(Wrap wrap, UUID memberId) {
        SecretKey kek = keyring.version(wrap.organizationId(), wrap.kekVersion())
                .orElseThrow(() -> new DataProtectionException(
                        DataProtectionException.Reason.KEY_DESTROYED,
                        "The keyring has no version " + wrap.kekVersion() + " for organization "
                                + wrap.organizationId()));
        try {
            return Aead.unwrap(
                    kek, wrap.wrapped(), wrapAad(wrap.keyId(), memberId, wrap.organizationId(), WrapKind.ORG_KEK));
        } catch (AEADBadTagException e) {
            throw new DataProtectionException(
                    DataProtectionException.Reason.INTEGRITY,
                    "The wrap of key " + wrap.keyId() + " does not authenticate");
        }
    }

    private void remember(DataKey dataKey) {
        keysById.put(dataKey.keyId(), dataKey);
        keyIdByMember.put(dataKey.memberId(), dataKey.keyId());
    }

    private static byte[] decrypt(SecretKey key, UUID memberId, Sealed sealed, byte[] associatedData) {
        try {
            return Aead.decrypt(
                    key, sealed.nonce(), sealed.ciphertext(), contentAad(sealed.keyId(), memberId, associatedData));
        } catch (AEADBadTagException e) {
            throw new DataProtectionException(
                    DataProtectionException.Reason.INTEGRITY,
                    "Sealed data under key " + sealed.keyId() + " does not authenticate with this member and context");
        }
    }

    /** Binds content to the format, the key and the member, then to the caller's context. */
    private static byte[] contentAad(UUID keyId, UUID memberId, byte[] associatedData) {
        return ByteBuffer.allocate(1 + 32 + associatedData.length)
                .put(Sealed.FORMAT)
                .putLong(keyId.getMostSignificantBits())
                .putLong(keyId.getLeastSignificantBits())
                .putLong(memberId.getMostSignificantBits())
                .putLong(memberId.getLeastSignificantBits())
                .put(associatedData)
                .array();
    }

    /** Binds a wrap to its key, member, organization and kind, so a wrapped key cannot be moved. */
    private static byte[] wrapAad(UUID keyId, UUID memberId, UUID organizationId, WrapKind kind) {
        return ("hearth-data-key|" + keyId + "|" + memberId + "|" + organizationId + "|" + kind)
                .getBytes(StandardCharsets.UTF_8);
    }
}
