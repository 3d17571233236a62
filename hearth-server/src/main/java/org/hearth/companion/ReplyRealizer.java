package org.hearth.companion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.hearth.companion.ResponseLibrary.Variant;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link TurnPlan} into text from the curated library. Choices are deterministic for a
 * thread seed and turn, so a reply can be reproduced in review, and no variant is used twice in a
 * thread while any fitting one is left. Buckets are tried narrowest first: written for this phase
 * (for the exact emotion, then its Ekman group, then any), then written for any phase in the same
 * order; only when all are used up is the least recently used variant repeated.
 */
public final class ReplyRealizer {

    /** The topic of variants written for a step the member named themselves ({@link Transition#OWN_STEP}). */
    static final String OWN_STEP_TOPIC = "own-step";

    /**
     * The topic of summaries for a thread in which the member named a step or took one up: never
     * "maybe it's a good moment to think about one small step" to someone who has just chosen one.
     */
    static final String STEP_CHOSEN_TOPIC = "step-chosen";

    private final ResponseLibrary library;
    private final ExerciseCatalogue exercises;

    /** A realizer over {@code library} that names and times exercises from {@code exercises}. */
    public ReplyRealizer(ResponseLibrary library, ExerciseCatalogue exercises) {
        this.library = library;
        this.exercises = exercises;
    }

    /**
     * Realizes {@code plan}.
     *
     * @param threadSeed a number fixed for the thread (for example from its id)
     * @param usedVariantIds the variant ids already used in this thread, oldest first
     * @param helpText how to reach help, for the member's locale; required when
     *     {@link TurnPlan#appendHelp()} is set, and then appended verbatim
     * @throws IllegalArgumentException if the plan needs the help text and none is given, or offers
     *     an exercise the catalogue does not allow in safety mode
     */
    public Reply realize(TurnPlan plan, long threadSeed, List<String> usedVariantIds, @Nullable String helpText) {
        if (plan.appendHelp() && (helpText == null || helpText.isBlank())) {
            throw new IllegalArgumentException("This plan must end with how to reach help, and none was given");
        }
        Exercise exercise = plan.exerciseId() == null
                ? null
                : exercises
                        .find(plan.exerciseId())
                        .orElseThrow(() -> new IllegalArgumentException("Unknown exercise " + plan.exerciseId()));
        if (exercise != null && plan.next().safetyMode() && !exercise.allowedInSafetyMode()) {
            throw new IllegalArgumentException("Exercise " + exercise.id() + " is not allowed in safety mode");
        }
        Set<String> used = new HashSet<>(usedVariantIds);
        var ids = new ArrayList<String>();
        var sentences = new ArrayList<String>();
        boolean repeated = false;
        for (int i = 0; i < plan.acts().size(); i++) {
            DialogueAct act = plan.acts().get(i);
            long salt = mix(threadSeed, plan.next().turnsTotal(), i);
            List<List<Variant>> chain = chain(act, plan, exercise != null);
            Variant chosen = pickFresh(chain, used, salt);
            if (chosen == null) {
                chosen = leastRecentlyUsed(chain, usedVariantIds);
                repeated = true;
            }
            used.add(chosen.id());
            ids.add(chosen.id());
            sentences.add(fill(chosen.text(), plan.emotion(), exercise));
        }
        String text = String.join(" ", sentences);
        if (plan.appendHelp()) {
            text = text + "\n\n" + helpText.strip();
        }
        return new Reply(text, ids, repeated);
    }

    /** The buckets to try, narrowest first. */
    private List<List<Variant>> chain(DialogueAct act, TurnPlan plan, boolean hasExercise) {
        var topics = new LinkedHashSet<@Nullable String>();
        switch (act) {
            case SOCRATIC_QUESTION -> {
                if (plan.distortion() != null) {
                    topics.add(plan.distortion());
                }
            }
            case SUGGEST_ACTION -> {
                if (hasExercise) {
                    topics.add(plan.exerciseId());
                    topics.add(ResponseLibrary.ANY_EXERCISE);
                }
            }
            case SUMMARISE -> {
                ThreadState next = plan.next();
                if (next.cuesSeen().contains(Cue.OWN_STEP) || next.actionAccepted()) {
                    topics.add(STEP_CHOSEN_TOPIC);
                }
                topics.add(plan.emotion());
                topics.add(Emotions.group(plan.emotion()));
            }
            default -> {
                if (plan.transition() == Transition.OWN_STEP) {
                    topics.add(OWN_STEP_TOPIC);
                }
                topics.add(plan.emotion());
                topics.add(Emotions.group(plan.emotion()));
            }
        }
        if (!(act == DialogueAct.SUGGEST_ACTION && hasExercise)) {
            topics.add(null);
        }
        var chain = new ArrayList<List<Variant>>();
        // Wording written for the phase comes first; the emotion decides within it. A glad feeling
        // is the exception: the phases' general wording is written for hard ones ("this goes deeper
        // than the day itself"), so good news is met in words written for its feeling first.
        Phase[] phases = {plan.phase(), null};
        boolean glad = act != DialogueAct.SOCRATIC_QUESTION
                && act != DialogueAct.SUGGEST_ACTION
                && Emotions.group(plan.emotion()).equals("joy");
        List<Phase> phaseOrder = java.util.Arrays.asList(phases);
        List<@Nullable String> topicOrder = new ArrayList<>(topics);
        if (glad) {
            for (String topic : topicOrder) {
                for (Phase phase : phaseOrder) {
                    addBucket(chain, act, phase, topic, hasExercise);
                }
            }
        } else {
            for (Phase phase : phaseOrder) {
                for (String topic : topicOrder) {
                    addBucket(chain, act, phase, topic, hasExercise);
                }
            }
        }
        if (chain.isEmpty()) {
            throw new IllegalStateException("The reply library has nothing for " + act + " in " + plan.phase());
        }
        return chain;
    }

    private void addBucket(
            List<List<Variant>> chain,
            DialogueAct act,
            @Nullable Phase phase,
            @Nullable String topic,
            boolean hasExercise) {
        var bucket = library.bucket(act, phase, topic).stream()
                .filter(v -> hasExercise
                        || !(v.text().contains("{exercise}") || v.text().contains("{minutes}")))
                .toList();
        if (!bucket.isEmpty()) {
            chain.add(bucket);
        }
    }

    private static @Nullable Variant pickFresh(List<List<Variant>> chain, Set<String> used, long salt) {
        for (List<Variant> bucket : chain) {
            List<Variant> fresh =
                    bucket.stream().filter(v -> !used.contains(v.id())).toList();
            if (!fresh.isEmpty()) {
                return fresh.get(new SplittableRandom(salt).nextInt(fresh.size()));
            }
        }
        return null;
    }

    private static Variant leastRecentlyUsed(List<List<Variant>> chain, List<String> usedVariantIds) {
        Variant best = chain.getFirst().getFirst();
        int bestIndex = Integer.MAX_VALUE;
        for (List<Variant> bucket : chain) {
            for (Variant v : bucket) {
                int index = usedVariantIds.lastIndexOf(v.id());
                if (index < bestIndex) {
                    best = v;
                    bestIndex = index;
                }
            }
        }
        return best;
    }

    private static long mix(long seed, int turn, int slot) {
        long z = seed ^ (0x9E3779B97F4A7C15L * (turn + 1)) ^ (0xC2B2AE3D27D4EB4FL * (slot + 1));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static String fill(String text, String emotion, @Nullable Exercise exercise) {
        String filled = text.replace("{feeling}", Emotions.adjective(emotion));
        if (exercise != null) {
            filled = filled.replace("{exercise}", lowerFirst(exercise.title()))
                    .replace("{minutes}", Long.toString(exercise.duration().toMinutes()));
        }
        return capitaliseSentences(filled);
    }

    private static String lowerFirst(String title) {
        if (title.length() > 1 && Character.isUpperCase(title.charAt(0)) && Character.isLowerCase(title.charAt(1))) {
            return title.substring(0, 1).toLowerCase(Locale.ROOT) + title.substring(1);
        }
        return title;
    }

    private static String capitaliseSentences(String text) {
        var out = new StringBuilder(text.length());
        boolean start = true;
        for (char c : text.toCharArray()) {
            if (start && Character.isLetter(c)) {
                out.append(Character.toUpperCase(c));
                start = false;
            } else {
                out.append(c);
                if (c == '.' || c == '?' || c == '!') {
                    start = true;
                } else if (!Character.isWhitespace(c) && c != '"' && c != '\u201C') {
                    start = false;
                }
            }
        }
        return out.toString();
    }
}
