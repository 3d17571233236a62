package org.hearth.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first organization admin, created at start when set ({@code HEARTH_BOOTSTRAP_ADMIN_EMAIL},
 * {@code HEARTH_BOOTSTRAP_ADMIN_PASSWORD}).
 */
@ConfigurationProperties("hearth.bootstrap")
record BootstrapProperties(
        @Nullable String adminEmail, @Nullable String adminPassword) {}
