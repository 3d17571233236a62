package org.hearth.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the default organization's first admin from {@code HEARTH_BOOTSTRAP_ADMIN_EMAIL} and
 * {@code HEARTH_BOOTSTRAP_ADMIN_PASSWORD}, so a fresh install can be administered without SQL.
 * Does nothing when the account exists, so the variables may stay set across restarts.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final BootstrapProperties properties;
    private final Enrolment enrolment;

    BootstrapAdmin(BootstrapProperties properties, Enrolment enrolment) {
        this.properties = properties;
        this.enrolment = enrolment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = properties.adminEmail();
        String password = properties.adminPassword();
        if (email == null || email.isBlank() || password == null || password.isBlank()) {
            return;
        }
        if (enrolment.bootstrapAdmin(email, password)) {
            log.info("Created the default organization's admin account from HEARTH_BOOTSTRAP_ADMIN_EMAIL");
        }
    }
}
