package org.hearth.companion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The curated, human-written replies, loaded from {@code companion/replies/*.yaml}. Each file
 * holds one dialogue act; its {@code buckets} map {@code PHASE/topic} keys (either part may be
 * {@code ANY}) to lists of variants. A topic is a GoEmotions label or Ekman group, a distortion,
 * an exercise id, or {@code exercise} for wording that fits any exercise.
 */
public final class ResponseLibrary {

    static final String LOCATION = "classpath*:companion/replies/*.yaml";
    static final String ANY = "ANY";
    /** The topic of SUGGEST_ACTION variants that name the exercise through placeholders. */
    static final String ANY_EXERCISE = "exercise";

    static final Set<String> PLACEHOLDERS = Set.of("feeling", "exercise", "minutes");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final Pattern TOPIC = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /**
     * One reply variant.
     *
     * @param id stable across edits elsewhere in the file: derived from the bucket and the text
     * @param act the dialogue act it realizes
     * @param phase the phase it is written for, or null for any phase
     * @param topic the emotion, distortion or exercise it is written for, or null for any
     * @param text the sentence(s), possibly with {@code {feeling}}, {@code {exercise}}, {@code {minutes}}
     */
    public record Variant(
            String id,
            DialogueAct act,
            @Nullable Phase phase,
            @Nullable String topic,
            String text) {}

    private final Map<String, List<Variant>> buckets;
    private final int size;

    ResponseLibrary(Collection<Variant> variants) {
        var map = new LinkedHashMap<String, List<Variant>>();
        var ids = new java.util.HashSet<String>();
        for (Variant variant : variants) {
            if (!ids.add(variant.id())) {
                throw new IllegalStateException("Duplicate reply variant " + variant.id());
            }
            map.computeIfAbsent(key(variant.act(), variant.phase(), variant.topic()), k -> new ArrayList<>())
                    .add(variant);
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        this.buckets = map;
        this.size = ids.size();
    }

    /** Loads the library shipped with the application; throws if a file is malformed. */
    public static ResponseLibrary loadDefault() {
        try {
            var variants = new ArrayList<Variant>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                try (InputStream in = resource.getInputStream()) {
                    Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                    variants.addAll(parse(document, String.valueOf(resource.getFilename())));
                }
            }
            if (variants.isEmpty()) {
                throw new IllegalStateException("No reply variants found at " + LOCATION);
            }
            return new ResponseLibrary(variants);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the reply library", e);
        }
    }

    static List<Variant> parse(@Nullable Object document, String source) {
        if (!(document instanceof Map<?, ?> map)
                || !(map.get("act") instanceof String actName)
                || !(map.get("buckets") instanceof Map<?, ?> bucketMap)) {
            throw new IllegalStateException(source + ": expected act and buckets");
        }
        DialogueAct act = DialogueAct.valueOf(actName);
        var variants = new ArrayList<Variant>();
        for (var entry : bucketMap.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String[] parts = key.split("/", -1);
            if (parts.length != 2 || !(entry.getValue() instanceof List<?> texts)) {
                throw new IllegalStateException(source + ": bucket " + key + " must be PHASE/topic with a list");
            }
            Phase phase = parts[0].equals(ANY) ? null : Phase.valueOf(parts[0]);
            String topic = parts[1].equals(ANY) ? null : parts[1];
            if (topic != null && !TOPIC.matcher(topic).matches()) {
                throw new IllegalStateException(source + ": bad topic in " + key);
            }
            for (Object item : texts) {
                if (!(item instanceof String text) || text.isBlank()) {
                    throw new IllegalStateException(source + ": " + key + " holds an empty variant");
                }
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    if (!PLACEHOLDERS.contains(m.group(1))) {
                        throw new IllegalStateException(source + ": unknown placeholder {" + m.group(1) + "}");
                    }
                }
                String clean = text.strip().replaceAll("\\s+", " ");
                String id = act.name().toLowerCase() + "/" + parts[0].toLowerCase() + "/" + parts[1].toLowerCase() + "/"
                        + shortHash(clean);
                variants.add(new Variant(id, act, phase, topic, clean));
            }
        }
        return variants;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String key(DialogueAct act, @Nullable Phase phase, @Nullable String topic) {
        return act + "/" + (phase == null ? ANY : phase.name()) + "/" + (topic == null ? ANY : topic);
    }

    /** The variants written for exactly this act, phase (null = any) and topic (null = any). */
    public List<Variant> bucket(DialogueAct act, @Nullable Phase phase, @Nullable String topic) {
        return buckets.getOrDefault(key(act, phase, topic), List.of());
    }

    /** Number of variants per {@code ACT/PHASE/topic} bucket, in file order. */
    public Map<String, Integer> counts() {
        var counts = new LinkedHashMap<String, Integer>();
        buckets.forEach((k, v) -> counts.put(k, v.size()));
        return counts;
    }

    /** Every variant. */
    public List<Variant> all() {
        return buckets.values().stream().flatMap(List::stream).toList();
    }

    /** Total number of variants. */
    public int size() {
        return size;
    }
}
