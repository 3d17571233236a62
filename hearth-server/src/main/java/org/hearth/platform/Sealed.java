package org.hearth.platform;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;

/**
 * Data sealed with a member's data key. Store it as one {@code bytea} column with {@link #toBytes()}
 * and read it back with {@link #fromBytes(byte[])}. The compact format is
 * {@code [format 0x01][key id, 16 bytes][nonce, 12 bytes][AES-GCM ciphertext and 16-byte tag]}.
 *
 * @param keyId the member data key that sealed it
 * @param nonce the random 96-bit GCM nonce
 * @param ciphertext the ciphertext followed by the authentication tag
 */
public record Sealed(UUID keyId, byte[] nonce, byte[] ciphertext) {

    /** The only format so far; a new cipher or layout would take the next number. */
    public static final byte FORMAT = 1;

    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final int HEADER_BYTES = 1 + 16 + NONCE_BYTES;

    public Sealed {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("A nonce has " + NONCE_BYTES + " bytes");
        }
        if (ciphertext.length < TAG_BYTES) {
            throw new IllegalArgumentException("The ciphertext is shorter than its tag");
        }
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    /** The compact single-column form. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(HEADER_BYTES + ciphertext.length)
                .put(FORMAT)
                .putLong(keyId.getMostSignificantBits())
                .putLong(keyId.getLeastSignificantBits())
                .put(nonce)
                .put(ciphertext)
                .array();
    }

    /**
     * Reads the compact form.
     *
     * @throws IllegalArgumentException if the bytes are not in a known format
     */
    public static Sealed fromBytes(byte[] bytes) {
        if (bytes.length < HEADER_BYTES + TAG_BYTES || bytes[0] != FORMAT) {
            throw new IllegalArgumentException("Not sealed data in a known format");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.get();
        UUID keyId = new UUID(buffer.getLong(), buffer.getLong());
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] ciphertext = new byte[buffer.remaining()];
        buffer.get(ciphertext);
        return new Sealed(keyId, nonce, ciphertext);
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sealed that
                && keyId.equals(that.keyId)
                && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * keyId.hashCode() + Arrays.hashCode(nonce)) + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "Sealed[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
    }
}
