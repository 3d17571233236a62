package org.hearth.platform;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (BouncyCastle) turning a password or recovery code into an AES-256 key that wraps a data
 * key. The parameters and salt travel with the wrap as text, so they can be raised later without
 * breaking old wraps.
 *
 * @param memoryKiB memory cost in KiB
 * @param iterations time cost
 * @param parallelism lanes
 * @param salt random per wrap
 */
record PasswordKeyDerivation(int memoryKiB, int iterations, int parallelism, byte[] salt) {

    /** OWASP's first Argon2id configuration: 19 MiB, two passes, one lane (about 30 ms here). */
    static PasswordKeyDerivation fresh() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return new PasswordKeyDerivation(19 * 1024, 2, 1, salt);
    }

    SecretKey derive(char[] secret) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] key = new byte[32];
        generator.generateBytes(secret, key);
        return Aead.key(key);
    }

    /** The stored form, e.g. {@code argon2id;v=19;m=19456;t=2;p=1;salt=…}. */
    String encode() {
        return "argon2id;v=19;m=" + memoryKiB + ";t=" + iterations + ";p=" + parallelism + ";salt="
                + Base64.getEncoder().withoutPadding().encodeToString(salt);
    }

    static PasswordKeyDerivation decode(String encoded) {
        String[] parts = encoded.split(";");
        if (parts.length != 6 || !parts[0].equals("argon2id") || !parts[1].equals("v=19")) {
            throw new IllegalArgumentException("Unknown key derivation parameters");
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 2; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            values.put(pair[0], pair[1]);
        }
        return new PasswordKeyDerivation(
                Integer.parseInt(values.get("m")),
                Integer.parseInt(values.get("t")),
                Integer.parseInt(values.get("p")),
                Base64.getDecoder().decode(values.get("salt")));
    }
}
