package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecoveryCodesTests {

    @Test
    void freshCodesAreGroupedBase32AndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = RecoveryCodes.fresh();
            assertThat(code).matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}");
            seen.add(code);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void readingBackForgivesWhatPeopleDoWhenCopyingByHand() {
        assertThat(new String(RecoveryCodes.normalize(" 7kq2 mo1d-iLxx "))).isEqualTo("7KQ2M01D11XX");
        assertThat(new String(RecoveryCodes.normalize("7KQ2-M01D"))).isEqualTo("7KQ2M01D");
    }
}
