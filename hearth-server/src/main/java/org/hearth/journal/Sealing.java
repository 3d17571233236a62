package org.hearth.journal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hearth.platform.DataProtection;
import org.hearth.platform.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals and opens the journal's texts. The associated data names the table, column and row, so a
 * ciphertext moved to another row, column or member no longer opens.
 *
 * <p>Texts follow the member's private-journal choice ({@link DataProtection#sealPersonal}). While
 * {@link PrivateJournal} re-seals a member's journal it holds the member's advisory lock
 * exclusively; every seal takes it shared first, so a text written meanwhile waits and is then
 * sealed under the member's new choice instead of slipping past the re-sealing under the old one.
 */
@Component
class Sealing {

    private final DataProtection protection;
    private final JdbcClient jdbc;

    Sealing(DataProtection protection, JdbcClient jdbc) {
        this.protection = protection;
        this.jdbc = jdbc;
    }

    byte[] seal(UUID memberId, UUID organizationId, String column, UUID rowId, String text) {
        jdbc.sql("select 1 from pg_advisory_xact_lock_shared(:key)")
                .param("key", lockKey(memberId))
                .query(Integer.class)
                .single();
        return protection
                .sealPersonalString(memberId, organizationId, text, place(column, rowId))
                .toBytes();
    }

    String open(UUID memberId, String column, UUID rowId, byte[] stored) {
        return protection.openString(memberId, Sealed.fromBytes(stored), place(column, rowId));
    }

    /**
     * Opens a stored text and seals it again, privately or under the shared key. The caller holds
     * the member's lock exclusively ({@link #lockExclusively}).
     */
    byte[] reseal(UUID memberId, UUID organizationId, String column, UUID rowId, byte[] stored, boolean privately) {
        byte[] place = place(column, rowId);
        byte[] plain = protection.open(memberId, Sealed.fromBytes(stored), place);
        Sealed again = privately
                ? protection.sealPersonal(memberId, organizationId, plain, place)
                : protection.seal(memberId, organizationId, plain, place);
        java.util.Arrays.fill(plain, (byte) 0);
        return again.toBytes();
    }

    /** Waits until no text of the member is being sealed, and keeps new ones waiting until commit. */
    void lockExclusively(UUID memberId) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:key)")
                .param("key", lockKey(memberId))
                .query(Integer.class)
                .single();
    }

    private static long lockKey(UUID memberId) {
        // A fixed tag keeps the journal's locks apart from any other advisory lock on a member id.
        return memberId.getMostSignificantBits() ^ memberId.getLeastSignificantBits() ^ 0x6a6f75726e616cL;
    }

    private static byte[] place(String column, UUID rowId) {
        return (column + ":" + rowId).getBytes(StandardCharsets.UTF_8);
    }
}
