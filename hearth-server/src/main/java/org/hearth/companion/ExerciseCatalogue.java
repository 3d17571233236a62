package org.hearth.companion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The exercises the companion can offer, loaded from {@code companion/exercises/*.yaml} and
 * validated when loaded, so a broken file stops the application at start rather than mid-crisis.
 */
public final class ExerciseCatalogue {

    static final String LOCATION = "classpath*:companion/exercises/*.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final int MAX_STEP_LENGTH = 160;

    private final Map<String, Exercise> byId;

    ExerciseCatalogue(Collection<Exercise> exercises) {
        var map = new TreeMap<String, Exercise>();
        for (Exercise exercise : exercises) {
            validate(exercise);
            if (map.put(exercise.id(), exercise) != null) {
                throw new IllegalStateException("Duplicate exercise id " + exercise.id());
            }
        }
        if (map.isEmpty()) {
            throw new IllegalStateException("No exercises found at " + LOCATION);
        }
        this.byId = map;
    }

    /** Loads and validates the catalogue shipped with the application; throws if any file is invalid. */
    public static ExerciseCatalogue loadDefault() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            var exercises = new ArrayList<Exercise>();
            for (Resource resource : resources) {
                String fileName = String.valueOf(resource.getFilename());
                try (InputStream in = resource.getInputStream()) {
                    Exercise exercise = parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(in), fileName);
                    if (!fileName.equals(exercise.id() + ".yaml")) {
                        throw new IllegalStateException(fileName + ": id must match the file name");
                    }
                    exercises.add(exercise);
                }
            }
            return new ExerciseCatalogue(exercises);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the exercise catalogue", e);
        }
    }

    /** All exercises, ordered by id. */
    public List<Exercise> all() {
        return List.copyOf(byId.values());
    }

    /** The exercise with this id, if the catalogue has it. */
    public Optional<Exercise> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Whether the exercise exists and may be offered in safety mode. */
    public boolean allowedInSafetyMode(String id) {
        Exercise exercise = byId.get(id);
        return exercise != null && exercise.allowedInSafetyMode();
    }

    static Exercise parse(@Nullable Object document, String source) {
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalStateException(source + ": expected a mapping");
        }
        var steps = new ArrayList<Exercise.Step>();
        if (!(map.get("steps") instanceof List<?> list)) {
            throw new IllegalStateException(source + ": steps must be a list");
        }
        for (Object item : list) {
            if (item instanceof String text) {
                steps.add(new Exercise.Step(text.strip(), null));
            } else if (item instanceof Map<?, ?> step && step.get("say") instanceof String text) {
                Object seconds = step.get("seconds");
                if (seconds != null && !(seconds instanceof Integer)) {
                    throw new IllegalStateException(source + ": seconds must be a whole number");
                }
                steps.add(new Exercise.Step(
                        text.strip(), seconds == null ? null : Duration.ofSeconds((Integer) seconds)));
            } else {
                throw new IllegalStateException(source + ": a step is a sentence or {say, seconds}");
            }
        }
        if (!(map.get("minutes") instanceof Integer minutes)) {
            throw new IllegalStateException(source + ": minutes must be a whole number");
        }
        return new Exercise(
                text(map, "id", source),
                text(map, "title", source),
                text(map, "purpose", source),
                Duration.ofMinutes(minutes),
                Boolean.TRUE.equals(map.get("safetyMode")),
                steps);
    }

    private static String text(Map<?, ?> map, String key, String source) {
        if (!(map.get(key) instanceof String value) || value.isBlank()) {
            throw new IllegalStateException(source + ": " + key + " is required");
        }
        return value.strip();
    }

    private static void validate(Exercise exercise) {
        String id = exercise.id();
        if (!ID.matcher(id).matches()) {
            throw new IllegalStateException("Exercise id must be lower-case words joined by dashes: " + id);
        }
        if (exercise.purpose().contains("\n") || exercise.purpose().length() > MAX_STEP_LENGTH) {
            throw new IllegalStateException(id + ": purpose must be one short line");
        }
        if (exercise.duration().isZero() || exercise.duration().isNegative()) {
            throw new IllegalStateException(id + ": duration must be positive");
        }
        if (exercise.steps().size() < 3) {
            throw new IllegalStateException(id + ": needs at least three steps");
        }
        for (Exercise.Step step : exercise.steps()) {
            if (step.instruction().isBlank() || step.instruction().length() > MAX_STEP_LENGTH) {
                throw new IllegalStateException(id + ": each step is one short sentence");
            }
        }
        if (id.contains("breathing") && exercise.steps().stream().noneMatch(s -> s.timing() != null)) {
            throw new IllegalStateException(id + ": breathing steps need timings");
        }
    }
}
