package org.hearth.platform;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The keyring under {@code $HEARTH_DATA_DIR/keyring} and envelope encryption on top of it (ADR 0001). */
@Configuration(proxyBeanMethods = false)
class DataProtectionConfiguration {

    @Bean
    FileKeyring keyring(HearthProperties properties, Clock clock) {
        return new FileKeyring(properties.dataDir().resolve("keyring"), clock);
    }

    @Bean
    DataProtection dataProtection(
            JdbcClient jdbc,
            Keyring keyring,
            Clock clock,
            @Value("${hearth.data-protection.key-cache-ttl:PT5M}") Duration keyCacheTtl,
            @Value("${hearth.data-protection.private-idle:PT30M}") Duration privateIdle) {
        return new EnvelopeDataProtection(jdbc, keyring, clock, keyCacheTtl, privateIdle);
    }
}
