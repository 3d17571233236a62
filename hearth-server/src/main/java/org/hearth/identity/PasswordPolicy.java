package org.hearth.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Length over composition rules, as NIST SP 800-63B advises: at least ten characters, at most 256
 * (so nobody feeds the hasher megabytes), and not one of the passwords attackers try first.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 256;

    private final Set<String> common;

    PasswordPolicy() {
        ClassPathResource list = new ClassPathResource("identity/common-passwords.txt");
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
            common = reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("The list of common passwords is missing", e);
        }
    }

    /** Why the password is refused, or empty when it is acceptable. */
    Optional<String> weakness(@Nullable String password, @Nullable String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Choose a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("This password is too common and easy to guess; choose another.");
        }
        if (email != null && !email.isBlank() && lower.equals(email.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("Do not use your email address as your password.");
        }
        return Optional.empty();
    }
}
