package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SealedTests {

    @Test
    void roundTripsTheCompactFormat() {
        Sealed sealed = new Sealed(UUID.randomUUID(), new byte[12], new byte[40]);
        byte[] bytes = sealed.toBytes();
        assertThat(bytes).hasSize(1 + 16 + 12 + 40);
        assertThat(bytes[0]).isEqualTo(Sealed.FORMAT);
        assertThat(Sealed.fromBytes(bytes)).isEqualTo(sealed);
    }

    @Test
    void rejectsUnknownFormats() {
        byte[] bytes = new Sealed(UUID.randomUUID(), new byte[12], new byte[16]).toBytes();
        bytes[0] = 2;
        assertThatThrownBy(() -> Sealed.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sealed.fromBytes(new byte[10])).isInstanceOf(IllegalArgumentException.class);
    }
}
