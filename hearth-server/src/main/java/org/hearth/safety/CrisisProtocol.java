package org.hearth.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.nlp.risk.RiskCategory;
import org.hearth.nlp.risk.RiskLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crisis texts and the hotline directory, loaded from {@code classpath:safety/protocol/} at
 * start and checked there: a text that fails to name its locale's primary line, or an urgent text
 * that does not put the emergency number first, stops the server from starting rather than reach a
 * person in crisis.
 */
@Component
class CrisisProtocol {

    static final String DEFAULT = "default";

    /** The text keys every texts file must define. */
    static final List<String> TEXT_KEYS = List.of(
            "self-moderate",
            "self-high",
            "self-imminent",
            "harm-to-others-moderate",
            "harm-to-others-urgent",
            "abuse-moderate",
            "abuse-urgent",
            "medical-urgent",
            "helper-moderate",
            "helper-urgent",
            "help-intro");

    /** The texts that must give the emergency number before anything else. */
    static final Set<String> EMERGENCY_FIRST =
            Set.of("self-imminent", "harm-to-others-urgent", "abuse-urgent", "medical-urgent", "helper-urgent");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    record HotlineData(
            String name,
            @Nullable String phone,
            @Nullable String sms,
            @Nullable String smsBody,
            @Nullable String url,
            String description,
            boolean emergency) {}

    record DirectoryFile(
            String locale,
            String texts,
            String version,
            String reviewedBy,
            LocalDate reviewedOn,
            String line,
            String lineToken,
            String emergency,
            String emergencyToken,
            List<HotlineData> hotlines) {}

    record TextsFile(
            String language, String version, String reviewedBy, LocalDate reviewedOn, Map<String, String> texts) {}

    /**
     * One locale's protocol, fully rendered.
     *
     * @param version what is recorded with an incident: directory and texts versions together
     */
    record Directory(
            String locale,
            String version,
            String reviewedBy,
            LocalDate reviewedOn,
            String lineToken,
            String emergencyToken,
            List<Hotline> hotlines,
            Map<String, String> texts) {

        String text(String key) {
            String text = texts.get(key);
            if (text == null) {
                throw new IllegalStateException("No protocol text " + key + " for " + locale);
            }
            return text;
        }

        /** Emergency number first, as for IMMINENT. */
        List<Hotline> emergencyFirst() {
            return hotlines.stream()
                    .sorted(Comparator.comparing(hotline -> !hotline.emergency()))
                    .toList();
        }

        /** The support lines first and the emergency number last, as for MODERATE and HIGH. */
        List<Hotline> linesFirst() {
            return hotlines.stream()
                    .sorted(Comparator.comparing(Hotline::emergency))
                    .toList();
        }
    }

    private final Map<String, Directory> byTag;
    private final Map<String, Directory> byCountry;
    private final Directory fallback;

    CrisisProtocol() {
        this("classpath:safety/protocol/");
    }

    CrisisProtocol(String location) {
        JsonMapper json = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        Map<String, TextsFile> texts = new HashMap<>();
        List<DirectoryFile> directories = new ArrayList<>();
        for (Resource resource : resources(location)) {
            Map<String, Object> raw = readYaml(resource);
            String name = String.valueOf(resource.getFilename());
            try {
                if (name.startsWith("texts-")) {
                    TextsFile file = json.convertValue(raw, TextsFile.class);
                    texts.put(file.language(), file);
                } else {
                    directories.add(json.convertValue(raw, DirectoryFile.class));
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("Crisis protocol file " + name + " is malformed", e);
            }
        }
        Map<String, Directory> tags = new HashMap<>();
        Map<String, Directory> countries = new HashMap<>();
        for (DirectoryFile file : directories) {
            TextsFile words = texts.get(file.texts());
            if (words == null) {
                throw new IllegalStateException(
                        "Crisis protocol " + file.locale() + " names missing texts " + file.texts());
            }
            Directory directory = render(file, words);
            tags.put(directory.locale(), directory);
            if (!DEFAULT.equals(directory.locale())) {
                String country = Locale.forLanguageTag(directory.locale()).getCountry();
                countries.putIfAbsent(country, directory);
            }
        }
        Directory defaultDirectory = tags.get(DEFAULT);
        if (defaultDirectory == null) {
            throw new IllegalStateException("Crisis protocol has no default.yml for unknown locales");
        }
        this.byTag = Map.copyOf(tags);
        this.byCountry = Map.copyOf(countries);
        this.fallback = defaultDirectory;
    }

    /** Exact locale, then any locale of the same country, then the international default. */
    Directory directory(@Nullable Locale locale) {
        if (locale == null) {
            return fallback;
        }
        Directory exact = byTag.get(locale.toLanguageTag());
        if (exact != null) {
            return exact;
        }
        return Optional.ofNullable(byCountry.get(locale.getCountry())).orElse(fallback);
    }

    /** Every locale's protocol, default included, for checks and the admin view. */
    List<Directory> all() {
        return byTag.values().stream()
                .sorted(Comparator.comparing(Directory::locale))
                .toList();
    }

    /**
     * The protocol reply for a level and its categories, or null below MODERATE. Category precedence:
     * a medical emergency, then the member's own risk, then harm to others, then abuse, and the
     * helper protocol when someone else is the one at risk.
     */
    @Nullable
    ProtocolReply reply(RiskLevel level, Set<RiskCategory> categories, @Nullable Locale locale) {
        if (!level.atLeast(RiskLevel.MODERATE)) {
            return null;
        }
        Directory directory = directory(locale);
        boolean urgent = level.atLeast(RiskLevel.HIGH);
        String key;
        if (categories.contains(RiskCategory.MEDICAL)) {
            key = "medical-urgent";
        } else if (isHelperCase(categories)) {
            key = urgent ? "helper-urgent" : "helper-moderate";
        } else if (categories.contains(RiskCategory.SUICIDE)
                || categories.contains(RiskCategory.SELF_HARM)
                || categories.isEmpty()) {
            key = switch (level) {
                case IMMINENT -> "self-imminent";
                case HIGH -> "self-high";
                default -> "self-moderate";
            };
        } else if (categories.contains(RiskCategory.HARM_TO_OTHERS)) {
            key = urgent ? "harm-to-others-urgent" : "harm-to-others-moderate";
        } else if (categories.contains(RiskCategory.ABUSE)) {
            key = urgent ? "abuse-urgent" : "abuse-moderate";
        } else {
            key = switch (level) {
                case IMMINENT -> "self-imminent";
                case HIGH -> "self-high";
                default -> "self-moderate";
            };
        }
        boolean emergencyFirst = EMERGENCY_FIRST.contains(key);
        // The helper protocol is advice for someone else, not the member's own crisis card.
        String kind = urgent && !key.startsWith("helper") ? "CRISIS" : "SAFETY";
        List<Hotline> lines = emergencyFirst ? directory.emergencyFirst() : directory.linesFirst();
        return new ProtocolReply(kind, directory.text(key), lines, directory.version());
    }

    /** The helper protocol's case, as {@link RiskCategory#helperCase} defines it. */
    static boolean isHelperCase(Set<RiskCategory> categories) {
        return RiskCategory.helperCase(categories);
    }

    private static Directory render(DirectoryFile file, TextsFile words) {
        String where = "Crisis protocol " + file.locale() + ": ";
        require(!file.version().isBlank(), where + "version is missing");
        require(!file.reviewedBy().isBlank(), where + "reviewedBy is missing");
        require(
                file.hotlines().stream().filter(HotlineData::emergency).count() == 1,
                where + "needs one emergency line");
        require(!file.hotlines().isEmpty(), where + "has no hotlines");
        for (HotlineData line : file.hotlines()) {
            require(
                    line.phone() != null || line.sms() != null || line.url() != null,
                    where + line.name() + " cannot be reached");
            require(
                    line.phone() == null || line.phone().matches("[0-9+]+"),
                    where + line.name() + " phone is not dialable");
            require(line.sms() == null || line.sms().matches("[0-9+]+"), where + line.name() + " sms is not dialable");
        }
        Map<String, String> values = Map.of("line", file.line(), "emergency", file.emergency());
        Map<String, String> rendered = new HashMap<>();
        for (String key : TEXT_KEYS) {
            String template = words.texts().get(key);
            require(template != null && !template.isBlank(), where + "text " + key + " is missing");
            String text = fill(template, values, where + key);
            int line = text.indexOf(file.lineToken());
            int emergency = text.indexOf(file.emergencyToken());
            require(line >= 0, where + key + " does not name the primary line " + file.lineToken());
            if (EMERGENCY_FIRST.contains(key)) {
                require(emergency >= 0 && emergency < line, where + key + " must give the emergency number first");
            }
            rendered.put(key, text);
        }
        List<Hotline> hotlines = file.hotlines().stream()
                .map(line -> new Hotline(
                        line.name(),
                        line.phone(),
                        line.sms(),
                        line.smsBody(),
                        line.description(),
                        line.url(),
                        line.emergency()))
                .toList();
        String version = file.locale() + "@" + file.version() + "+texts-" + words.language() + "@" + words.version();
        return new Directory(
                file.locale(),
                version,
                file.reviewedBy(),
                file.reviewedOn(),
                file.lineToken(),
                file.emergencyToken(),
                hotlines,
                Map.copyOf(rendered));
    }

    private static String fill(String template, Map<String, String> values, String where) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            require(value != null, where + " uses an unknown placeholder " + matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString().strip();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }

    private static Resource[] resources(String location) {
        try {
            return new PathMatchingResourcePatternResolver().getResources(location + "*.yml");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the crisis protocol files", e);
        }
    }

    private static Map<String, Object> readYaml(Resource resource) {
        // SafeConstructor: these files are data, never a way to build arbitrary objects.
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (InputStream in = resource.getInputStream()) {
            Map<String, Object> map = yaml.load(in);
            if (map == null) {
                throw new IllegalStateException("Crisis protocol file " + resource.getFilename() + " is empty");
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource.getFilename(), e);
        }
    }
}
