package org.hearth.platform;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HearthProperties.class)
class PlatformConfiguration {

    /** Every module takes time from this clock, so tests can move it (escalation deadlines, reminders). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
