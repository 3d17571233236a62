package org.hearth.care;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port as the care tests use it: sign-in and registration limits
 * lifted (the tests sign people in far more often than a person would) and the care admin
 * bootstrapped. One annotation, so that every class using it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hearth.identity.limits.login-per-ip.capacity=10000",
            "hearth.identity.limits.login-per-ip.period=1m",
            "hearth.identity.limits.login-per-account.capacity=10000",
            "hearth.identity.limits.login-per-account.period=1m",
            "hearth.identity.limits.register-per-ip.capacity=10000",
            "hearth.identity.limits.register-per-ip.period=1m",
            "hearth.bootstrap.admin-email=" + CarePeople.ADMIN_EMAIL,
            "hearth.bootstrap.admin-password=" + CarePeople.PASSWORD
        })
@interface CareStackTest {}
