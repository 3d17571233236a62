package org.hearth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * One application context for the member-facing API tests (journal, conversations, private
 * journal): the real server on a random port, generous sign-in limits for the many accounts the
 * tests register, a bootstrap admin who creates staff, and DEBUG logs so the tests can prove that
 * no member text reaches a log line even then.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hearth.identity.limits.login-per-ip.capacity=10000",
            "hearth.identity.limits.login-per-account.capacity=100",
            "hearth.identity.limits.login-per-account.period=1m",
            "hearth.identity.limits.login-per-ip.period=1m",
            "hearth.identity.limits.register-per-ip.capacity=10000",
            "hearth.identity.limits.register-per-ip.period=1m",
            "hearth.bootstrap.admin-email=" + MemberApiIntegrationTest.ADMIN_EMAIL,
            "hearth.bootstrap.admin-password=" + MemberApiIntegrationTest.ADMIN_PASSWORD,
            "logging.level.org.hearth=DEBUG"
        })
@ExtendWith(OutputCaptureExtension.class)
public @interface MemberApiIntegrationTest {

    String ADMIN_EMAIL = "bootstrap-admin@journal-tests.example.org";
    String ADMIN_PASSWORD = "correct horse battery staple";
}
