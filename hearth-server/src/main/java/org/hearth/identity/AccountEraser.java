package org.hearth.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Identity's part of erasure: what is left of the account cannot identify or sign in anyone. */
@Service
class AccountEraser implements AccountClosure {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AccountEraser(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public boolean close(UUID userId) {
        Instant now = clock.instant();
        // The password hash is replaced by a value no encoder produces, so no password matches it.
        int erased = jdbc.sql("update identity_users set erased_at = :at, email = :email,"
                        + " display_name = 'Erased account', password_hash = '{erased}'"
                        + " where id = :id and erased_at is null")
                .param("at", Timestamp.from(now))
                .param("email", "erased-" + userId + "@erased.invalid")
                .param("id", userId)
                .update();
        if (erased == 0) {
            return false;
        }
        jdbc.sql("update identity_token_families set revoked_at = :at, revoked_because = 'account-erased'"
                        + " where user_id = :id and revoked_at is null")
                .param("at", Timestamp.from(now))
                .param("id", userId)
                .update();
        jdbc.sql("delete from identity_totp where user_id = :id")
                .param("id", userId)
                .update();
        jdbc.sql("delete from identity_recovery_codes where user_id = :id")
                .param("id", userId)
                .update();
        jdbc.sql("delete from identity_consents where member_id = :id")
                .param("id", userId)
                .update();
        UUID organizationId = jdbc.sql("select organization_id from identity_memberships where user_id = :id")
                .param("id", userId)
                .query(UUID.class)
                .single();
        events.publishEvent(new AccountErased(userId, organizationId, now));
        return true;
    }
}
