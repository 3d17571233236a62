package org.hearth.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the notify module ({@code hearth.notify.*}).
 *
 * @param from the sender address of emails
 * @param maxAttempts how often an email is tried before it is given up (and logged as such)
 * @param retryBase the wait after the first failure; it doubles with each further failure
 * @param retryMax the longest wait between two attempts
 */
@ConfigurationProperties("hearth.notify.email")
record NotifyProperties(String from, int maxAttempts, Duration retryBase, Duration retryMax) {

    NotifyProperties {
        if (from == null || from.isBlank()) {
            from = "Hearth <no-reply@localhost>";
        }
        if (maxAttempts <= 0) {
            maxAttempts = 8;
        }
        if (retryBase == null) {
            retryBase = Duration.ofSeconds(30);
        }
        if (retryMax == null) {
            retryMax = Duration.ofMinutes(30);
        }
    }
}
