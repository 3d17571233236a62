package org.hearth.journal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hearth.platform.DataProtection;
import org.hearth.platform.Sealed;
import org.springframework.stereotype.Component;

/**
 * Seals and opens the journal's texts. The associated data names the table, column and row, so a
 * ciphertext moved to another row, column or member no longer opens.
 */
@Component
class Sealing {

    private final DataProtection protection;

    Sealing(DataProtection protection) {
        this.protection = protection;
    }

    byte[] seal(UUID memberId, UUID organizationId, String column, UUID rowId, String text) {
        return protection
                .sealString(memberId, organizationId, text, place(column, rowId))
                .toBytes();
    }

    String open(UUID memberId, String column, UUID rowId, byte[] stored) {
        return protection.openString(memberId, Sealed.fromBytes(stored), place(column, rowId));
    }

    private static byte[] place(String column, UUID rowId) {
        return (column + ":" + rowId).getBytes(StandardCharsets.UTF_8);
    }
}
