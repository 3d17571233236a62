package org.hearth.platform;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log: who did what to which target, from where, and how it ended. Never
 * carries member content: the target is an id, attributes are ids, scopes and reasons.
 *
 * @param action a stable dotted name, e.g. {@code identity.sign-in} or {@code journal.entry.read}
 * @param actorId the person acting, or null for the system or an anonymous caller
 * @param organizationId the organization the action belongs to, when known
 * @param target what was acted on, as a type and id, e.g. {@code user:6f1c…}
 * @param outcome how it ended
 * @param sourceAddress the client's IP address, when the action came over HTTP
 * @param attributes further facts (consent id, role, reason), sorted by key
 */
public record AuditEntry(
        String action,
        @Nullable UUID actorId,
        @Nullable UUID organizationId,
        @Nullable String target,
        Outcome outcome,
        @Nullable String sourceAddress,
        Map<String, String> attributes) {

    public enum Outcome {
        SUCCESS,
        DENIED,
        FAILURE
    }

    public AuditEntry {
        attributes = new TreeMap<>(attributes);
    }

    public static AuditEntry of(
            String action,
            @Nullable UUID actorId,
            @Nullable UUID organizationId,
            @Nullable String target,
            Outcome outcome) {
        return new AuditEntry(action, actorId, organizationId, target, outcome, null, Map.of());
    }

    public AuditEntry from(@Nullable String address) {
        return new AuditEntry(action, actorId, organizationId, target, outcome, address, attributes);
    }

    public AuditEntry with(String key, String value) {
        Map<String, String> more = new TreeMap<>(attributes);
        more.put(key, value);
        return new AuditEntry(action, actorId, organizationId, target, outcome, sourceAddress, more);
    }
}
