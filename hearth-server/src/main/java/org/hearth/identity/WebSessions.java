package org.hearth.identity;

import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps track of the browser sessions of each person (Spring Security's session registry), so that
 * an account's erasure or a recovery ends every one of them on this node, not only the session that
 * asked: the next request of any other session is signed out.
 */
@Component
class WebSessions {

    private final SessionRegistry registry;

    WebSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Ends every browser session of the person on this node. */
    int endAll(UUID userId) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof Caller caller && userId.equals(caller.userId())) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        return ended;
    }

    @EventListener
    void on(AccountErased erased) {
        endAll(erased.userId());
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {

        @Bean
        SessionRegistry sessionRegistry() {
            return new SessionRegistryImpl();
        }

        /** Tells the registry when a session ends, so it does not keep them forever. */
        @Bean
        HttpSessionEventPublisher httpSessionEventPublisher() {
            return new HttpSessionEventPublisher();
        }
    }
}
