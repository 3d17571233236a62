package org.hearth.platform;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM with random 96-bit nonces, from the JDK. */
final class Aead {

    static final String ALGORITHM = "AES";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {}

    static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance(ALGORITHM);
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is missing from this JVM", e);
        }
    }

    static SecretKey key(byte[] material) {
        if (material.length != 32) {
            throw new IllegalArgumentException("An AES-256 key has 32 bytes");
        }
        return new SecretKeySpec(material, ALGORITHM);
    }

    static byte[] nonce() {
        byte[] nonce = new byte[Sealed.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    static byte[] encrypt(SecretKey key, byte[] nonce, byte[] plaintext, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(Sealed.TAG_BYTES * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws AEADBadTagException when the ciphertext, nonce, key or associated data do not match */
    static byte[] decrypt(SecretKey key, byte[] nonce, byte[] ciphertext, byte[] aad) throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(Sealed.TAG_BYTES * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** A wrap: the nonce followed by the ciphertext and tag. */
    static byte[] wrap(SecretKey kek, SecretKey key, byte[] aad) {
        byte[] nonce = nonce();
        byte[] ciphertext = encrypt(kek, nonce, key.getEncoded(), aad);
        byte[] out = new byte[nonce.length + ciphertext.length];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        System.arraycopy(ciphertext, 0, out, nonce.length, ciphertext.length);
        return out;
    }

    static SecretKey unwrap(SecretKey kek, byte[] wrapped, byte[] aad) throws AEADBadTagException {
        if (wrapped.length < Sealed.NONCE_BYTES + Sealed.TAG_BYTES) {
            throw new AEADBadTagException("wrap too short");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(wrapped, 0, Sealed.NONCE_BYTES);
        byte[] ciphertext = java.util.Arrays.copyOfRange(wrapped, Sealed.NONCE_BYTES, wrapped.length);
        return key(decrypt(kek, nonce, ciphertext, aad));
    }
}
