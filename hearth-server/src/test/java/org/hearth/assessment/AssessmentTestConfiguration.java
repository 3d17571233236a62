package org.hearth.assessment;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * What the assessment tests need from modules that are not in this branch: a Safety that records
 * calls, and method security (identity's security configuration enables it in the application).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableMethodSecurity
class AssessmentTestConfiguration {

    @Bean
    @Primary
    RecordingSafety recordingSafety() {
        return new RecordingSafety();
    }
}
