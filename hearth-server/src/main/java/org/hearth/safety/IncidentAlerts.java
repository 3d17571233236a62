package org.hearth.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Role;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.notify.Notification;
import org.hearth.notify.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about incidents through the notify module. Runs after the incident committed, from
 * the event publication registry, so a failed notification is retried and never rolls back the
 * incident. The texts here are written by the team and carry no member content.
 */
@Component
class IncidentAlerts {

    private static final Logger log = LoggerFactory.getLogger(IncidentAlerts.class);
    private static final String QUEUE = "/responder/incidents";

    private final Accounts accounts;
    private final Notifications notifications;

    IncidentAlerts(org.springframework.beans.factory.ObjectProvider<Accounts> accounts, Notifications notifications) {
        this.accounts = new LazyAccounts(accounts);
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(IncidentOpened opened) {
        List<Account> responders = accounts.withRole(opened.organizationId(), Role.RESPONDER);
        if (responders.isEmpty()) {
            List<Account> admins = accounts.withRole(opened.organizationId(), Role.ORG_ADMIN);
            log.error(
                    "Organization {} has no responder for incident {} ({}); telling {} admins",
                    opened.organizationId(),
                    opened.incidentId(),
                    opened.level(),
                    admins.size());
            for (Account admin : admins) {
                notifications.send(new Notification(
                        admin.id(),
                        "safety.responder.missing",
                        "No responder for a " + word(opened.level()) + " risk incident",
                        "A member of your organization may be at " + word(opened.level())
                                + " risk and your organization has no safety responder, so nobody was paged."
                                + " The member was shown the crisis lines. Open the incident queue now, and add a"
                                + " responder so that the next incident reaches someone.",
                        QUEUE,
                        Notification.Priority.CRITICAL,
                        Set.of(Notification.Channel.IN_APP, Notification.Channel.EMAIL)));
            }
            return;
        }
        for (Account responder : responders) {
            notifications.send(new Notification(
                    responder.id(),
                    "safety.incident.opened",
                    title(opened.level()),
                    "A member may be at " + word(opened.level()) + " risk. " + ask(opened.level())
                            + " Open the incident queue to acknowledge it.",
                    QUEUE,
                    priority(opened.level()),
                    Set.of(Notification.Channel.IN_APP, Notification.Channel.EMAIL)));
        }
    }

    @ApplicationModuleListener
    void on(IncidentEscalated escalated) {
        // Tier 2 and beyond: the responders again, and the organization's admins.
        Map<UUID, Account> people = new LinkedHashMap<>();
        accounts.withRole(escalated.organizationId(), Role.RESPONDER).forEach(a -> people.put(a.id(), a));
        accounts.withRole(escalated.organizationId(), Role.ORG_ADMIN).forEach(a -> people.put(a.id(), a));
        for (Account person : people.values()) {
            notifications.send(new Notification(
                    person.id(),
                    "safety.incident.escalated",
                    "Not acknowledged: " + word(escalated.level()) + " risk incident (tier " + escalated.tier() + ")",
                    "Nobody has acknowledged an incident for a member at " + word(escalated.level())
                            + " risk before its deadline. " + ask(escalated.level())
                            + " Open the incident queue and acknowledge it, or make sure a responder does.",
                    QUEUE,
                    escalated.level() == RiskLevel.MODERATE
                            ? Notification.Priority.HIGH
                            : Notification.Priority.CRITICAL,
                    Set.of(Notification.Channel.IN_APP, Notification.Channel.EMAIL)));
        }
    }

    private static String title(RiskLevel level) {
        return switch (level) {
            case IMMINENT -> "Imminent risk: acknowledge within 5 minutes";
            case HIGH -> "High risk: acknowledge within 15 minutes";
            default -> "Moderate risk: review within 24 hours";
        };
    }

    private static String ask(RiskLevel level) {
        return switch (level) {
            case IMMINENT -> "Their life may be in danger right now.";
            case HIGH -> "They need a person soon.";
            default -> "Please review it within a day.";
        };
    }

    private static String word(RiskLevel level) {
        return level.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Notification.Priority priority(RiskLevel level) {
        return level == RiskLevel.MODERATE ? Notification.Priority.HIGH : Notification.Priority.CRITICAL;
    }

    /** The Accounts bean is resolved on use: identity provides it, and it may start after safety. */
    private record LazyAccounts(org.springframework.beans.factory.ObjectProvider<Accounts> provider)
            implements Accounts {
        @Override
        public java.util.Optional<Account> find(UUID userId) {
            return provider.getObject().find(userId);
        }

        @Override
        public List<Account> withRole(UUID organizationId, Role role) {
            return provider.getObject().withRole(organizationId, role);
        }
    }
}
