package org.hearth.care;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hearth.assessment.Assessments;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;
import org.hearth.platform.DataProtection;
import org.hearth.platform.Problems;
import org.hearth.platform.Sealed;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Treatment plans: problems, goals with measurable objectives (optionally a target on an instrument
 * score, such as PHQ-9 below 10), interventions and a status. Written by the member's clinician,
 * sealed under the member's data key, and shown to the member in plain words with their progress
 * towards each score target.
 */
@Service
public class TreatmentPlans {

    /** Instruments an objective may target, with the name a member knows them by. */
    static final Map<String, String> INSTRUMENTS = Map.of(
            "phq-9", "PHQ-9",
            "gad-7", "GAD-7",
            "who-5", "WHO-5",
            "pss-10", "PSS-10",
            "pcl-5", "PCL-5",
            "audit-c", "AUDIT-C");

    static final Set<String> COMPARATORS = Set.of("<", "<=", ">", ">=");
    static final int MAX_TEXT = 2_000;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public enum Status {
        DRAFT,
        ACTIVE,
        COMPLETED,
        DISCONTINUED
    }

    public record Objective(
            String description,
            @Nullable String instrumentId,
            @Nullable String comparator,
            @Nullable Integer target) {}

    public record Goal(String description, List<Objective> objectives) {
        public Goal {
            objectives = objectives == null ? List.of() : List.copyOf(objectives);
        }
    }

    public record Content(List<String> problems, List<Goal> goals, List<String> interventions) {
        public Content {
            problems = List.copyOf(problems);
            goals = List.copyOf(goals);
            interventions = List.copyOf(interventions);
        }
    }

    public record Plan(
            UUID planId,
            UUID memberId,
            UUID clinicianId,
            Status status,
            Content content,
            int version,
            Instant createdAt,
            Instant updatedAt) {}

    /** An objective as the member reads it: what it means and how far they are. */
    public record PlainObjective(
            String text,
            @Nullable String progress,
            @Nullable Boolean met) {}

    public record PlainGoal(String text, List<PlainObjective> objectives) {}

    public record PlainPlan(
            UUID planId,
            String status,
            String clinicianName,
            List<String> problems,
            List<PlainGoal> goals,
            List<String> interventions,
            Instant updatedAt) {}

    private final JdbcClient jdbc;
    private final DataProtection protection;
    private final CaseloadMembers caseload;
    private final Assessments assessments;
    private final Accounts accounts;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    TreatmentPlans(
            JdbcClient jdbc,
            DataProtection protection,
            CaseloadMembers caseload,
            Assessments assessments,
            Accounts accounts,
            Clock clock) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.caseload = caseload;
        this.assessments = assessments;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public Plan create(Caller caller, UUID memberId, Status status, Content content) {
        if (!caller.has(Role.CLINICIAN)
                || !caseload.of(caller.requireUserId(), caller.organizationId()).contains(memberId)) {
            throw Problems.notFound("There is no such member on your caseload.");
        }
        validate(content);
        UUID id = UUID.randomUUID();
        Instant now = now();
        jdbc.sql("""
                        insert into care_treatment_plan (id, organization_id, clinician_id, member_id, status,
                                                         sealed_body, version, created_at, updated_at)
                        values (:id, :org, :clinician, :member, :status, :body, 1, :now, :now)
                        """)
                .param("id", id)
                .param("org", caller.organizationId())
                .param("clinician", caller.requireUserId())
                .param("member", memberId)
                .param("status", status.name())
                .param("body", seal(memberId, caller.organizationId(), id, content))
                .param("now", Timestamp.from(now))
                .update();
        return require(id);
    }

    @Transactional
    public Plan update(Caller caller, UUID planId, Status status, Content content) {
        Plan plan = require(planId);
        if (!plan.clinicianId().equals(caller.requireUserId())) {
            throw Problems.notFound("There is no such plan.");
        }
        validate(content);
        jdbc.sql("""
                        update care_treatment_plan set status = :status, sealed_body = :body, version = version + 1,
                            updated_at = :now where id = :id
                        """)
                .param("id", planId)
                .param("status", status.name())
                .param("body", seal(plan.memberId(), caller.organizationId(), planId, content))
                .param("now", Timestamp.from(now()))
                .update();
        return require(planId);
    }

    /** A plan for its clinician or its member. */
    @Transactional(readOnly = true)
    public Plan read(Caller caller, UUID planId) {
        Plan plan = findPlan(planId).orElseThrow(() -> Problems.notFound("There is no such plan."));
        UUID me = caller.requireUserId();
        if (!plan.clinicianId().equals(me) && !plan.memberId().equals(me)) {
            throw Problems.notFound("There is no such plan.");
        }
        return plan;
    }

    /** The plans this clinician wrote for a member, newest first. */
    @Transactional(readOnly = true)
    public List<Plan> writtenFor(Caller caller, UUID memberId) {
        return ids(
                        "select id from care_treatment_plan where clinician_id = :c and member_id = :m"
                                + " order by updated_at desc",
                        Map.of("c", caller.requireUserId(), "m", memberId))
                .stream()
                .map(this::require)
                .toList();
    }

    /** The member's own plans in plain words (drafts are the clinician's until shared). */
    @Transactional(readOnly = true)
    public List<PlainPlan> mine(Caller member) {
        UUID me = member.requireUserId();
        List<PlainPlan> plans = new ArrayList<>();
        for (UUID id : ids(
                "select id from care_treatment_plan where member_id = :m and status <> 'DRAFT'"
                        + " order by updated_at desc",
                Map.of("m", me))) {
            plans.add(plain(require(id)));
        }
        return plans;
    }

    PlainPlan plain(Plan plan) {
        List<PlainGoal> goals = new ArrayList<>();
        for (Goal goal : plan.content().goals()) {
            List<PlainObjective> objectives = new ArrayList<>();
            for (Objective objective : goal.objectives()) {
                objectives.add(plain(plan.memberId(), objective));
            }
            goals.add(new PlainGoal(goal.description(), objectives));
        }
        String status =
                switch (plan.status()) {
                    case DRAFT -> "Being prepared";
                    case ACTIVE -> "What we are working on now";
                    case COMPLETED -> "Completed";
                    case DISCONTINUED -> "No longer followed";
                };
        return new PlainPlan(
                plan.planId(),
                status,
                accounts.find(plan.clinicianId()).map(a -> a.displayName()).orElse("your clinician"),
                plan.content().problems(),
                goals,
                plan.content().interventions(),
                plan.updatedAt());
    }

    private PlainObjective plain(UUID memberId, Objective objective) {
        if (objective.instrumentId() == null || objective.comparator() == null || objective.target() == null) {
            return new PlainObjective(objective.description(), null, null);
        }
        String name = INSTRUMENTS.getOrDefault(objective.instrumentId(), objective.instrumentId());
        String wording =
                switch (objective.comparator()) {
                    case "<" -> "below " + objective.target();
                    case "<=" -> objective.target() + " or lower";
                    case ">" -> "above " + objective.target();
                    default -> objective.target() + " or higher";
                };
        String text = objective.description() + " (your " + name + " score " + wording + ")";
        Assessments.History history = assessments.history(memberId, objective.instrumentId());
        if (history.latest() == null) {
            return new PlainObjective(text, "You have not taken the " + name + " yet.", null);
        }
        int score = history.latest().score();
        boolean met =
                switch (objective.comparator()) {
                    case "<" -> score < objective.target();
                    case "<=" -> score <= objective.target();
                    case ">" -> score > objective.target();
                    default -> score >= objective.target();
                };
        String progress = "Your latest " + name + " score is " + score + " ("
                + DAY.format(history.latest().completedAt()) + "): "
                + (met ? "you have reached this." : "not there yet.");
        return new PlainObjective(text, progress, met);
    }

    private java.util.Optional<Plan> findPlan(UUID id) {
        return jdbc.sql("select * from care_treatment_plan where id = :id")
                .param("id", id)
                .query((row, n) -> {
                    UUID member = row.getObject("member_id", UUID.class);
                    Content content = json.readValue(
                            protection.openString(
                                    member, Sealed.fromBytes(row.getBytes("sealed_body")), associated(id)),
                            Content.class);
                    return new Plan(
                            id,
                            member,
                            row.getObject("clinician_id", UUID.class),
                            Status.valueOf(row.getString("status")),
                            content,
                            row.getInt("version"),
                            row.getTimestamp("created_at").toInstant(),
                            row.getTimestamp("updated_at").toInstant());
                })
                .optional();
    }

    private Plan require(UUID id) {
        return findPlan(id).orElseThrow(() -> Problems.notFound("There is no such plan."));
    }

    private List<UUID> ids(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(UUID.class).list();
    }

    private byte[] seal(UUID memberId, UUID organizationId, UUID planId, Content content) {
        return protection
                .sealString(memberId, organizationId, json.writeValueAsString(content), associated(planId))
                .toBytes();
    }

    private static void validate(Content content) {
        Map<String, String> errors = new TreeMap<>();
        if (content.problems().isEmpty() && content.goals().isEmpty()) {
            errors.put("goals", "a plan names at least one problem or goal");
        }
        List<String> texts = new ArrayList<>(content.problems());
        texts.addAll(content.interventions());
        for (int g = 0; g < content.goals().size(); g++) {
            Goal goal = content.goals().get(g);
            texts.add(goal.description());
            for (int o = 0; o < goal.objectives().size(); o++) {
                Objective objective = goal.objectives().get(o);
                texts.add(objective.description());
                String field = "goals[" + g + "].objectives[" + o + "]";
                boolean anyTarget = objective.instrumentId() != null
                        || objective.comparator() != null
                        || objective.target() != null;
                if (anyTarget
                        && (objective.instrumentId() == null
                                || !INSTRUMENTS.containsKey(objective.instrumentId())
                                || objective.comparator() == null
                                || !COMPARATORS.contains(objective.comparator())
                                || objective.target() == null)) {
                    errors.put(
                            field,
                            "a score target needs instrumentId (one of "
                                    + INSTRUMENTS.keySet().stream().sorted().toList()
                                    + "), comparator (<, <=, >, >=) and target");
                }
            }
        }
        for (String text : texts) {
            if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
                errors.put(
                        "text", "every problem, goal, objective and intervention is 1 to " + MAX_TEXT + " characters");
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid("The plan is not complete.", errors);
        }
    }

    private static byte[] associated(UUID planId) {
        return ("care_treatment_plan:" + planId).getBytes(StandardCharsets.UTF_8);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
