package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class PasswordKeyDerivationTests {

    @Test
    void derivesTheSameKeyFromTheStoredParameters() throws Exception {
        PasswordKeyDerivation derivation = PasswordKeyDerivation.fresh();
        PasswordKeyDerivation stored = PasswordKeyDerivation.decode(derivation.encode());
        char[] password = "a long passphrase".toCharArray();
        assertThat(stored.derive(password).getEncoded())
                .isEqualTo(derivation.derive(password).getEncoded());

        SecretKey dataKey = Aead.newKey();
        byte[] wrapped = Aead.wrap(derivation.derive(password), dataKey, new byte[0]);
        assertThat(Aead.unwrap(stored.derive(password), wrapped, new byte[0]).getEncoded())
                .isEqualTo(dataKey.getEncoded());
        assertThatThrownBy(() -> Aead.unwrap(stored.derive("another".toCharArray()), wrapped, new byte[0]))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void usesAFreshSaltEachTime() {
        char[] password = "same".toCharArray();
        assertThat(PasswordKeyDerivation.fresh().derive(password).getEncoded())
                .isNotEqualTo(PasswordKeyDerivation.fresh().derive(password).getEncoded());
    }
}
