package org.hearth.companion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hearth.companion.ResponseLibrary.Variant;
import org.junit.jupiter.api.Test;

/** Checks every curated variant against the house rules for how the companion speaks. */
class ReplyQualityTests {

    /**
     * Phrases that claim too much, minimise, judge, promise, or diagnose. Matched at a word start,
     * so "adjust" does not trip "just" but "justify" would be looked at by a person.
     */
    static final List<String> BANNED = List.of(
            "i understand exactly",
            "i know how you feel",
            "just",
            "calm down",
            "at least",
            "should",
            "must",
            "cheer up",
            "bright side",
            "stay positive",
            "happens for a reason",
            "will be fine",
            "you'll feel better",
            "promise",
            "guarantee",
            "cure",
            "depression",
            "depressed",
            "disorder",
            "diagnos",
            "mentally ill",
            "symptom");

    private final List<Variant> variants = ResponseLibrary.loadDefault().all();

    @Test
    void containsNoBannedPhrase() {
        for (String phrase : BANNED) {
            Pattern pattern = Pattern.compile("\\b" + Pattern.quote(phrase), Pattern.CASE_INSENSITIVE);
            assertThat(variants).as("variants containing \"%s\"", phrase).noneMatch(v -> pattern.matcher(v.text())
                    .find());
        }
    }

    @Test
    void keepsEveryVariantToThreeShortSentences() {
        Pattern sentenceEnd = Pattern.compile("[.?!](\\s|$)");
        assertThat(variants).allSatisfy(v -> {
            assertThat(sentenceEnd.matcher(v.text()).results().count())
                    .as(v.id())
                    .isBetween(1L, 3L);
            assertThat(v.text()).as(v.id()).hasSizeLessThanOrEqualTo(200);
        });
    }

    @Test
    void variesTheOpeningsWithinEachBucket() {
        Map<String, List<Variant>> byBucket = variants.stream()
                .collect(Collectors.groupingBy(v -> ResponseLibrary.key(v.act(), v.phase(), v.topic())));
        byBucket.forEach((bucket, list) -> {
            if (list.size() < 4) {
                return;
            }
            long mostCommonFirstWord = mostCommon(list, v -> firstWords(v.text(), 1));
            long mostCommonOpening = mostCommon(list, v -> firstWords(v.text(), 2));
            assertThat(mostCommonFirstWord * 2).as(bucket).isLessThanOrEqualTo(list.size());
            assertThat(mostCommonOpening).as(bucket).isLessThanOrEqualTo(2);
        });
    }

    @Test
    void addressesTheMemberWithoutLabellingThem() {
        Pattern labels = Pattern.compile(
                "\\byou are (?:an? )?(?:anxious|broken|weak|overreacting|dramatic)\\b|\\byou have (?:an? )?\\w+ (?:issue|condition)");
        assertThat(variants).noneMatch(v -> labels.matcher(v.text().toLowerCase(Locale.ROOT))
                .find());
    }

    private static long mostCommon(List<Variant> list, Function<Variant, String> key) {
        return list.stream().collect(Collectors.groupingBy(key, Collectors.counting())).values().stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
    }

    private static String firstWords(String text, int n) {
        String[] words = text.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z' {}]", " ")
                .trim()
                .split("\\s+");
        return String.join(" ", List.of(words).subList(0, Math.min(n, words.length)));
    }
}
