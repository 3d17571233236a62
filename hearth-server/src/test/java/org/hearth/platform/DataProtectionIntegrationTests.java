package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PlatformWebIntegrationTest
class DataProtectionIntegrationTests {

    private static final byte[] CONTEXT = "journal_entries:42".getBytes(StandardCharsets.UTF_8);
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @Autowired
    DataProtection dataProtection;

    @Autowired
    FileKeyring keyring;

    @Autowired
    HearthProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private final UUID member = UUID.randomUUID();
    private final UUID organization = UUID.randomUUID();

    @Test
    void opensWhatItSealed() {
        Sealed sealed = dataProtection.sealString(member, organization, "I slept badly again", CONTEXT);
        Sealed stored = Sealed.fromBytes(sealed.toBytes());
        assertThat(dataProtection.openString(member, stored, CONTEXT)).isEqualTo("I slept badly again");
        Sealed second = dataProtection.sealString(member, organization, "I slept badly again", CONTEXT);
        assertThat(second.keyId()).isEqualTo(sealed.keyId());
        assertThat(second.nonce()).isNotEqualTo(sealed.nonce());
    }

    @Test
    void refusesAnotherContextOrMember() {
        Sealed sealed = dataProtection.sealString(member, organization, "private words", CONTEXT);
        assertThatThrownBy(() ->
                        dataProtection.open(member, sealed, "journal_entries:43".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DataProtectionException.class, e -> assertThat(e.reason())
                        .isEqualTo(DataProtectionException.Reason.INTEGRITY));
        assertThatThrownBy(() -> dataProtection.open(UUID.randomUUID(), sealed, CONTEXT))
                .isInstanceOfSatisfying(DataProtectionException.class, e -> assertThat(e.reason())
                        .isEqualTo(DataProtectionException.Reason.KEY_DESTROYED));
    }

    @Test
    void detectsTampering() {
        Sealed sealed = dataProtection.sealString(member, organization, "private words", CONTEXT);
        byte[] bytes = sealed.toBytes();
        bytes[bytes.length - 20] ^= 0x01;
        Sealed tampered = Sealed.fromBytes(bytes);
        assertThatThrownBy(() -> dataProtection.open(member, tampered, CONTEXT))
                .isInstanceOfSatisfying(DataProtectionException.class, e -> assertThat(e.reason())
                        .isEqualTo(DataProtectionException.Reason.INTEGRITY));
    }

    @Test
    void rotatesTheKeyEncryptionKeyAndRewrapsDataKeys() {
        Sealed before = dataProtection.sealString(member, organization, "before rotation", CONTEXT);
        int oldVersion = kekVersionOf(member);
        int newVersion = dataProtection.rotateKeyEncryptionKey(organization);
        assertThat(newVersion).isEqualTo(oldVersion + 1);
        assertThat(freshInstance().openString(member, before, CONTEXT)).isEqualTo("before rotation");

        UUID otherMember = UUID.randomUUID();
        dataProtection.sealString(otherMember, organization, "new member", CONTEXT);
        assertThat(kekVersionOf(otherMember)).isEqualTo(newVersion);

        assertThat(dataProtection.rewrap(organization)).isEqualTo(1);
        assertThat(kekVersionOf(member)).isEqualTo(newVersion);
        assertThat(dataProtection.rewrap(organization)).isZero();
        assertThat(freshInstance().openString(member, before, CONTEXT)).isEqualTo("before rotation");
    }

    @Test
    void cryptoShredsADestroyedMember() {
        Sealed sealed = dataProtection.sealString(member, organization, "to be forgotten", CONTEXT);
        UUID survivor = UUID.randomUUID();
        Sealed kept = dataProtection.sealString(survivor, organization, "to be kept", CONTEXT);

        dataProtection.destroy(member);

        assertThatThrownBy(() -> dataProtection.open(member, sealed, CONTEXT))
                .isInstanceOfSatisfying(DataProtectionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DataProtectionException.Reason.KEY_DESTROYED);
                    assertThat(e.getMessage()).doesNotContain("forgotten");
                });
        assertThat(jdbc.sql("select count(*) from member_data_keys where member_id = :member")
                        .param("member", member)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(dataProtection.openString(survivor, kept, CONTEXT)).isEqualTo("to be kept");
    }

    @Test
    void keepsTheKeyringOwnerOnly() throws Exception {
        dataProtection.sealString(member, organization, "anything", CONTEXT);
        Path directory = properties.dataDir().resolve("keyring").toAbsolutePath();
        Path file = keyring.fileOf(organization);
        assertThat(file).exists().hasParent(directory);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
                .isEqualTo("rwx------");
        dataProtection.rotateKeyEncryptionKey(organization);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (var leftovers = Files.list(directory)) {
            assertThat(leftovers.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void opensOldDataAfterARestart() {
        Sealed sealed = dataProtection.sealString(member, organization, "still here", CONTEXT);
        assertThat(freshInstance().openString(member, sealed, CONTEXT)).isEqualTo("still here");
    }

    @Test
    void storesNoPlaintextAndNoClearKeys() {
        String text = "nobody should read this sentence";
        Sealed sealed = dataProtection.sealString(member, organization, text, CONTEXT);
        assertThat(new String(sealed.toBytes(), StandardCharsets.ISO_8859_1)).doesNotContain(text);

        byte[] wrapped = jdbc.sql("select wrapped_key from member_data_keys where member_id = :member")
                .param("member", member)
                .query(byte[].class)
                .single();
        List<String> everyColumn = jdbc.sql("select t::text from member_data_keys t where member_id = :member")
                .param("member", member)
                .query(String.class)
                .list();
        assertThat(everyColumn).noneMatch(row -> row.contains(text));
        assertThat(wrapped).hasSize(12 + 32 + 16);
        // The clear data key (whatever it is) must not be stored: the stored bytes only open with the KEK.
        byte[] clearKey = openDataKeyBehindTheScenes(wrapped);
        String hexRow = everyColumn.getFirst();
        assertThat(hexRow).doesNotContain(HexFormat.of().formatHex(clearKey));
    }

    @Test
    void privateKeyIsWrappedOnlyByPasswordAndRecoveryCode() {
        Sealed shared = dataProtection.sealString(member, organization, "a care plan the team may read", CONTEXT);
        assertThat(dataProtection.isPrivate(member)).isFalse();
        assertThat(dataProtection.unlock(member, PASSWORD)).isFalse();

        String code = dataProtection.makePrivate(member, organization, PASSWORD);

        assertThat(code).matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(dataProtection.isPrivate(member)).isTrue();
        assertThat(dataProtection.isUnlocked(member)).isTrue();
        Sealed personal = dataProtection.sealPersonalString(member, organization, "only mine", CONTEXT);
        assertThat(personal.keyId()).isNotEqualTo(shared.keyId());
        assertThat(jdbc.sql("select wrap_kind from member_data_keys where key_id = :key order by wrap_kind")
                        .param("key", personal.keyId())
                        .query(String.class)
                        .list())
                .containsExactly("PASSWORD", "RECOVERY");
        assertThat(dataProtection.openString(member, personal, CONTEXT)).isEqualTo("only mine");

        dataProtection.lock(member);

        assertThat(dataProtection.isUnlocked(member)).isFalse();
        assertReason(() -> dataProtection.open(member, personal, CONTEXT), DataProtectionException.Reason.LOCKED);
        assertReason(
                () -> dataProtection.sealPersonalString(member, organization, "more", CONTEXT),
                DataProtectionException.Reason.LOCKED);
        assertThat(dataProtection.openString(member, shared, CONTEXT)).isEqualTo("a care plan the team may read");
        assertReason(
                () -> dataProtection.unlock(member, "not my password".toCharArray()),
                DataProtectionException.Reason.SECRET_REJECTED);
        assertThat(dataProtection.unlock(member, PASSWORD)).isTrue();
        assertThat(dataProtection.openString(member, personal, CONTEXT)).isEqualTo("only mine");
        // After a restart nothing is unlocked: the key is nowhere but in the member's password.
        assertReason(() -> freshInstance().open(member, personal, CONTEXT), DataProtectionException.Reason.LOCKED);
        assertThatThrownBy(() -> dataProtection.makePrivate(member, organization, PASSWORD))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void passwordChangeAndRecoveryRewrapTheSameKey() {
        String code = dataProtection.makePrivate(member, organization, PASSWORD);
        Sealed personal = dataProtection.sealPersonalString(member, organization, "still mine", CONTEXT);
        char[] second = "a second long passphrase".toCharArray();

        assertReason(
                () -> dataProtection.changePassword(member, "wrong".toCharArray(), second),
                DataProtectionException.Reason.SECRET_REJECTED);
        dataProtection.changePassword(member, PASSWORD, second);
        dataProtection.lock(member);
        assertReason(() -> dataProtection.unlock(member, PASSWORD), DataProtectionException.Reason.SECRET_REJECTED);
        assertThat(dataProtection.unlock(member, second)).isTrue();
        dataProtection.lock(member);

        char[] third = "after forgetting everything".toCharArray();
        String typedByHand =
                code.toLowerCase(java.util.Locale.ROOT).replace('-', ' ').replace('0', 'o');
        String next = dataProtection.recover(member, typedByHand.toCharArray(), third);

        assertThat(next).isNotEqualTo(code);
        assertThat(dataProtection.openString(member, personal, CONTEXT)).isEqualTo("still mine");
        dataProtection.lock(member);
        assertReason(
                () -> dataProtection.recover(member, code.toCharArray(), third),
                DataProtectionException.Reason.SECRET_REJECTED);
        assertThat(dataProtection.unlock(member, third)).isTrue();
        assertThat(jdbc.sql(
                                "select wrap_params from member_data_keys where member_id = :member and wrap_kind = 'PASSWORD'")
                        .param("member", member)
                        .query(String.class)
                        .single())
                .startsWith("argon2id;v=19;m=19456;t=2;p=1;salt=");
        assertReason(
                () -> dataProtection.recover(UUID.randomUUID(), code.toCharArray(), third),
                DataProtectionException.Reason.KEY_DESTROYED);
    }

    @Test
    void anUnusedUnlockedKeyLocksItselfAfterTheIdleTime() {
        MutableClock moving = new MutableClock(clock.instant());
        DataProtection protection = new EnvelopeDataProtection(
                jdbc,
                new FileKeyring(properties.dataDir().resolve("keyring"), moving),
                moving,
                Duration.ofMinutes(5),
                Duration.ofMinutes(30));
        protection.makePrivate(member, organization, PASSWORD);
        Sealed personal = protection.sealPersonalString(member, organization, "in use", CONTEXT);

        moving.advance(Duration.ofMinutes(29));
        assertThat(protection.openString(member, personal, CONTEXT)).isEqualTo("in use");
        moving.advance(Duration.ofMinutes(29));
        assertThat(protection.openString(member, personal, CONTEXT)).isEqualTo("in use");
        moving.advance(Duration.ofMinutes(31));
        assertReason(() -> protection.open(member, personal, CONTEXT), DataProtectionException.Reason.LOCKED);
    }

    @Test
    void releasingAndDestroyingEndThePrivateKey() {
        dataProtection.makePrivate(member, organization, PASSWORD);
        Sealed personal = dataProtection.sealPersonalString(member, organization, "back to shared", CONTEXT);
        Sealed shared = dataProtection.sealString(
                member, organization, dataProtection.openString(member, personal, CONTEXT), CONTEXT);

        dataProtection.releasePrivate(member);

        assertThat(dataProtection.isPrivate(member)).isFalse();
        assertThat(dataProtection
                        .sealPersonalString(member, organization, "x", CONTEXT)
                        .keyId())
                .isEqualTo(shared.keyId());
        assertThat(dataProtection.openString(member, shared, CONTEXT)).isEqualTo("back to shared");
        assertReason(
                () -> dataProtection.open(member, personal, CONTEXT), DataProtectionException.Reason.KEY_DESTROYED);

        UUID other = UUID.randomUUID();
        dataProtection.makePrivate(other, organization, PASSWORD);
        Sealed theirs = dataProtection.sealPersonalString(other, organization, "gone with the keys", CONTEXT);
        dataProtection.destroy(other);
        assertThat(dataProtection.isUnlocked(other)).isFalse();
        assertReason(() -> dataProtection.open(other, theirs, CONTEXT), DataProtectionException.Reason.KEY_DESTROYED);
    }

    private static void assertReason(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, DataProtectionException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DataProtectionException.class, e -> assertThat(e.reason())
                .isEqualTo(reason));
    }

    /** A second instance over the same keyring directory and database, as after a restart. */
    private DataProtection freshInstance() {
        return new EnvelopeDataProtection(
                jdbc,
                new FileKeyring(properties.dataDir().resolve("keyring"), clock),
                clock,
                Duration.ofMinutes(5),
                Duration.ofMinutes(30));
    }

    private int kekVersionOf(UUID memberId) {
        return jdbc.sql("select kek_version from member_data_keys where member_id = :member and wrap_kind = 'ORG_KEK'")
                .param("member", memberId)
                .query(Integer.class)
                .single();
    }

    private byte[] openDataKeyBehindTheScenes(byte[] wrapped) {
        UUID keyId = jdbc.sql("select key_id from member_data_keys where member_id = :member")
                .param("member", member)
                .query(UUID.class)
                .single();
        int version = kekVersionOf(member);
        try {
            return Aead.unwrap(
                            keyring.version(organization, version).orElseThrow(),
                            wrapped,
                            ("hearth-data-key|" + keyId + "|" + member + "|" + organization + "|ORG_KEK")
                                    .getBytes(StandardCharsets.UTF_8))
                    .getEncoded();
        } catch (javax.crypto.AEADBadTagException e) {
            throw new AssertionError(e);
        }
    }
}
