package org.hearth.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The instruments Hearth administers, read from {@code classpath:assessment/instruments/*.json} at
 * start. A definition that does not add up (bands with gaps, rules pointing at missing items, a
 * malformed LOINC code) stops the application: scoring a standard instrument wrongly is worse than
 * not offering it.
 */
@Component
class InstrumentCatalogue {

    static final String LOCATION = "classpath:assessment/instruments/*.json";
    private static final Pattern LOINC_CODE = Pattern.compile("\\d{1,7}-\\d");
    private static final Pattern LOINC_ANSWER = Pattern.compile("LA\\d{1,7}-\\d");

    private final Map<String, Instrument> byId;

    InstrumentCatalogue() {
        this(LOCATION);
    }

    InstrumentCatalogue(String location) {
        JsonMapper json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        Map<String, Instrument> loaded = new LinkedHashMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location);
            List<Resource> sorted = new ArrayList<>(List.of(resources));
            sorted.sort((a, b) -> String.valueOf(a.getFilename()).compareTo(String.valueOf(b.getFilename())));
            for (Resource resource : sorted) {
                Instrument instrument;
                try (InputStream in = resource.getInputStream()) {
                    instrument = json.readValue(in, Instrument.class);
                } catch (RuntimeException e) {
                    throw new InvalidInstrumentException(resource.getFilename() + ": unreadable definition", e);
                }
                List<String> problems = validate(instrument, resource.getFilename());
                if (!problems.isEmpty()) {
                    throw new InvalidInstrumentException(
                            resource.getFilename() + ": " + String.join("; ", problems), null);
                }
                loaded.put(instrument.id(), instrument);
            }
        } catch (IOException e) {
            throw new InvalidInstrumentException("cannot read instrument definitions at " + location, e);
        }
        if (loaded.isEmpty()) {
            throw new InvalidInstrumentException("no instrument definitions at " + location, null);
        }
        this.byId = Map.copyOf(loaded);
    }

    Optional<Instrument> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Instrument require(String id) {
        return find(id).orElseThrow(() -> new UnknownInstrumentException(id));
    }

    /** Every instrument, in id order. */
    List<Instrument> all() {
        return byId.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    static List<String> validate(Instrument instrument, @Nullable String fileName) {
        List<String> problems = new ArrayList<>();
        if (fileName != null && !fileName.equals(instrument.id() + ".json")) {
            problems.add("id '" + instrument.id() + "' does not match the file name");
        }
        if (!instrument.id().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problems.add("id must be lower-case words joined by dashes");
        }
        if (instrument.items() == null || instrument.items().isEmpty()) {
            problems.add("no items");
            return problems;
        }
        if (instrument.scoring() == null || instrument.scoring().multiplier() < 1) {
            problems.add("scoring needs a method and a multiplier of at least 1");
            return problems;
        }
        if (!Set.of("sum", "risk").contains(instrument.scoring().method())) {
            problems.add("unknown scoring method " + instrument.scoring().method());
        }
        int count = instrument.itemCount();
        for (int i = 0; i < count; i++) {
            Instrument.Item item = instrument.items().get(i);
            String where = "item " + (i + 1);
            if (item.text() == null || item.text().isBlank()) {
                problems.add(where + " has no text");
            }
            List<Instrument.Option> options = instrument.optionsOf(i);
            if (options == null || options.isEmpty()) {
                problems.add(where + " has no response options");
                continue;
            }
            Set<Integer> values = new HashSet<>();
            for (Instrument.Option option : options) {
                if (!values.add(option.value())) {
                    problems.add(where + " repeats the option value " + option.value());
                }
                if (option.loinc() != null
                        && !LOINC_ANSWER.matcher(option.loinc()).matches()) {
                    problems.add(where + " has a malformed LOINC answer code " + option.loinc());
                }
            }
            if (item.loinc() != null && !LOINC_CODE.matcher(item.loinc()).matches()) {
                problems.add(where + " has a malformed LOINC code " + item.loinc());
            }
            if (item.enableWhen() != null) {
                int gate = item.enableWhen().item();
                if (gate < 1 || gate > i) {
                    problems.add(where + " is enabled by item " + gate + ", which does not come before it");
                }
            }
        }
        Instrument.Loinc loinc = instrument.loinc();
        if (loinc != null) {
            for (String code : new String[] {loinc.panel(), loinc.total()}) {
                if (code != null && !LOINC_CODE.matcher(code).matches()) {
                    problems.add("malformed LOINC code " + code);
                }
            }
        }
        if (!instrument.scoring().isRiskTriage()) {
            checkBands(instrument, instrument.bands(), "bands", problems);
            if (instrument.bandsBySex() != null) {
                instrument
                        .bandsBySex()
                        .forEach((sex, bands) -> checkBands(instrument, bands, "bandsBySex." + sex, problems));
            }
        }
        for (Instrument.Subscale subscale : instrument.subscaleList()) {
            checkItems(subscale.items(), count, "subscale " + subscale.id(), problems);
        }
        for (Instrument.CriticalRule rule : instrument.criticalRules()) {
            checkItems(List.of(rule.item()), count, "critical rule " + rule.code(), problems);
            if (rule.level() == null
                    || rule.categories() == null
                    || rule.categories().isEmpty()) {
                problems.add("critical rule " + rule.code() + " needs a level and categories");
            }
        }
        if (instrument.scoring().isRiskTriage() && instrument.criticalRules().isEmpty()) {
            problems.add("a risk triage instrument needs critical rules");
        }
        Instrument.ReliableChangeFigures figures = instrument.reliableChange();
        if (figures != null) {
            if (figures.threshold() == null && figures.seDiff() == null) {
                problems.add("reliable change needs a threshold or both sd and reliability");
            }
            if (figures.reliability() != null && (figures.reliability() <= 0 || figures.reliability() >= 1)) {
                problems.add("reliability must lie between 0 and 1");
            }
        }
        if (instrument.source() == null
                || isBlank(instrument.source().citation())
                || isBlank(instrument.source().licence())) {
            problems.add("the source and licence terms must be recorded");
        }
        return problems;
    }

    private static void checkBands(
            Instrument instrument, @Nullable List<Instrument.Band> bands, String name, List<String> problems) {
        if (bands == null || bands.isEmpty()) {
            problems.add(name + ": no severity bands");
            return;
        }
        int expected = instrument.minScore();
        for (Instrument.Band band : bands) {
            if (band.min() != expected) {
                problems.add(name + ": band " + band.code() + " starts at " + band.min() + ", expected " + expected);
            }
            if (band.max() < band.min()) {
                problems.add(name + ": band " + band.code() + " ends before it starts");
            }
            expected = band.max() + 1;
        }
        if (expected - 1 != instrument.maxScore()) {
            problems.add(name + ": bands end at " + (expected - 1) + ", the highest score is " + instrument.maxScore());
        }
    }

    private static void checkItems(Collection<Integer> items, int count, String name, List<String> problems) {
        for (int item : items) {
            if (item < 1 || item > count) {
                problems.add(name + " names item " + item + ", which does not exist");
            }
        }
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    /** A definition file is not valid; the application must not start with it. */
    static final class InvalidInstrumentException extends RuntimeException {
        InvalidInstrumentException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /** No instrument with that id. */
    static final class UnknownInstrumentException extends RuntimeException {
        UnknownInstrumentException(String id) {
            super("unknown instrument");
        }
    }
}
