package org.hearth.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Component
class JdbcAuditLog implements AuditLog {

    private static final byte[] GENESIS = new byte[32];
    private static final TypeReference<TreeMap<String, String>> ATTRIBUTES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcAuditLog(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public void record(AuditEntry entry) {
        ownTransaction.executeWithoutResult(status -> {
            // One writer at a time, cluster-wide, so the chain stays a line.
            jdbc.sql("select pg_advisory_xact_lock(7163002)").query().singleRow();
            byte[] previous = jdbc.sql("select hash from audit_log order by seq desc limit 1")
                    .query(byte[].class)
                    .optional()
                    .orElse(GENESIS);
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            UUID id = UUID.randomUUID();
            String attributes = json.writeValueAsString(entry.attributes());
            byte[] hash = hash(previous, id, at, entry, attributes);
            jdbc.sql("""
                            insert into audit_log (id, recorded_at, actor_id, organization_id, action, target,
                                                   outcome, source_address, attributes, prev_hash, hash)
                            values (:id, :at, :actor, :org, :action, :target, :outcome, :source,
                                    cast(:attributes as jsonb), :prev, :hash)
                            """)
                    .param("id", id)
                    .param("at", Timestamp.from(at))
                    .param("actor", entry.actorId())
                    .param("org", entry.organizationId())
                    .param("action", entry.action())
                    .param("target", entry.target())
                    .param("outcome", entry.outcome().name())
                    .param("source", entry.sourceAddress())
                    .param("attributes", attributes)
                    .param("prev", previous)
                    .param("hash", hash)
                    .update();
        });
    }

    @Override
    public Optional<Long> firstBrokenLink() {
        AtomicReference<byte[]> expectedPrevious = new AtomicReference<>(GENESIS);
        AtomicReference<@Nullable Long> broken = new AtomicReference<>();
        jdbc.sql("""
                        select seq, id, recorded_at, actor_id, organization_id, action, target, outcome,
                               source_address, attributes::text as attributes, prev_hash, hash
                        from audit_log order by seq
                        """).query((ResultSet row) -> {
            if (broken.get() != null) {
                return;
            }
            long seq = row.getLong("seq");
            byte[] previous = row.getBytes("prev_hash");
            String attributes = canonical(row.getString("attributes"));
            AuditEntry entry = read(row);
            byte[] recomputed = hash(
                    previous,
                    row.getObject("id", UUID.class),
                    row.getTimestamp("recorded_at").toInstant(),
                    entry,
                    attributes);
            if (!Arrays.equals(previous, expectedPrevious.get()) || !Arrays.equals(recomputed, row.getBytes("hash"))) {
                broken.set(seq);
            }
            expectedPrevious.set(row.getBytes("hash"));
        });
        return Optional.ofNullable(broken.get());
    }

    private String canonical(String storedAttributes) {
        Map<String, String> attributes = json.readValue(storedAttributes, ATTRIBUTES);
        return json.writeValueAsString(attributes);
    }

    private static AuditEntry read(ResultSet row) throws SQLException {
        return new AuditEntry(
                row.getString("action"),
                row.getObject("actor_id", UUID.class),
                row.getObject("organization_id", UUID.class),
                row.getString("target"),
                AuditEntry.Outcome.valueOf(row.getString("outcome")),
                row.getString("source_address"),
                Map.of());
    }

    private static byte[] hash(byte[] previous, UUID id, Instant at, AuditEntry entry, String attributes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous);
            String fields = String.join(
                    "\u001f",
                    id.toString(),
                    at.toString(),
                    String.valueOf(entry.actorId()),
                    String.valueOf(entry.organizationId()),
                    entry.action(),
                    String.valueOf(entry.target()),
                    entry.outcome().name(),
                    String.valueOf(entry.sourceAddress()),
                    attributes);
            return digest.digest(fields.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
