package org.hearth.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import org.hearth.nlp.risk.RiskCategory;
import org.hearth.nlp.risk.RiskLevel;
import org.junit.jupiter.api.Test;

class CrisisProtocolTests {

    private final CrisisProtocol protocol = new CrisisProtocol();

    @Test
    void loadsEveryLocaleWithAVersionAndAReviewer() {
        assertThat(protocol.all())
                .extracting(CrisisProtocol.Directory::locale)
                .containsExactlyInAnyOrder("default", "en-AU", "en-CA", "en-GB", "en-IE", "en-NZ", "en-US");
        assertThat(protocol.all()).allSatisfy(directory -> {
            assertThat(directory.version()).contains("@2026-").contains("+texts-en@");
            assertThat(directory.reviewedBy()).isNotBlank();
            assertThat(directory.hotlines()).filteredOn(Hotline::emergency).hasSize(1);
        });
    }

    @Test
    void namesThePrimaryLineInEveryProtocolText() {
        for (CrisisProtocol.Directory directory : protocol.all()) {
            for (String key : CrisisProtocol.TEXT_KEYS) {
                assertThat(directory.text(key))
                        .as("%s %s", directory.locale(), key)
                        .contains(directory.lineToken());
            }
        }
        assertThat(protocol.directory(Locale.US).text("self-high")).contains("call or text 988");
        assertThat(protocol.directory(Locale.UK).text("self-high")).contains("116 123");
        assertThat(protocol.directory(Locale.forLanguageTag("en-AU")).text("self-high"))
                .contains("13 11 14");
        assertThat(protocol.directory(Locale.forLanguageTag("en-NZ")).text("self-high"))
                .contains("1737");
    }

    @Test
    void putsTheEmergencyNumberFirstForImminentRisk() {
        for (CrisisProtocol.Directory directory : protocol.all()) {
            Locale locale =
                    directory.locale().equals("default") ? Locale.GERMANY : Locale.forLanguageTag(directory.locale());
            ProtocolReply reply = protocol.reply(RiskLevel.IMMINENT, Set.of(RiskCategory.SUICIDE), locale);
            String text = reply.text();
            assertThat(text.indexOf(directory.emergencyToken()))
                    .as(directory.locale())
                    .isNotNegative()
                    .isLessThan(text.indexOf(directory.lineToken()));
            assertThat(reply.hotlines().getFirst().emergency()).isTrue();
            assertThat(reply.kind()).isEqualTo("CRISIS");
        }
        ProtocolReply high = protocol.reply(RiskLevel.HIGH, Set.of(RiskCategory.SELF_HARM), Locale.US);
        assertThat(high.hotlines().getFirst().name()).isEqualTo("988 Suicide & Crisis Lifeline");
        assertThat(high.hotlines().getLast().emergency()).isTrue();
    }

    @Test
    void matchesTheLocaleExactlyThenByCountryThenFallsBack() {
        assertThat(protocol.directory(Locale.forLanguageTag("en-IE")).locale()).isEqualTo("en-IE");
        assertThat(protocol.directory(Locale.forLanguageTag("fr-CA")).locale()).isEqualTo("en-CA");
        assertThat(protocol.directory(Locale.forLanguageTag("es-US")).locale()).isEqualTo("en-US");
        assertThat(protocol.directory(Locale.forLanguageTag("ga-IE")).locale()).isEqualTo("en-IE");
        assertThat(protocol.directory(Locale.forLanguageTag("de-DE")).locale()).isEqualTo("default");
        assertThat(protocol.directory(Locale.forLanguageTag("en")).locale()).isEqualTo("default");
        assertThat(protocol.directory(null).locale()).isEqualTo("default");
    }

    @Test
    void choosesTheTextByCategory() {
        assertThat(protocol.reply(RiskLevel.LOW, Set.of(RiskCategory.SUICIDE), Locale.US))
                .isNull();
        assertThat(protocol.reply(RiskLevel.MODERATE, Set.of(RiskCategory.MEDICAL), Locale.US)
                        .text())
                .startsWith("This sounds like a medical emergency. Call 911");
        assertThat(protocol.reply(RiskLevel.HIGH, Set.of(RiskCategory.HARM_TO_OTHERS), Locale.US)
                        .text())
                .startsWith("If someone could get hurt right now, call 911");
        assertThat(protocol.reply(RiskLevel.MODERATE, Set.of(RiskCategory.ABUSE), Locale.US)
                        .text())
                .contains("not your fault");
        ProtocolReply helper = protocol.reply(RiskLevel.HIGH, Set.of(RiskCategory.THIRD_PARTY), Locale.US);
        assertThat(helper.kind()).isEqualTo("SAFETY");
        assertThat(helper.text()).startsWith("If they are in danger now, call 911");
        // The writer's own risk wins over the helper protocol when the screen reports both.
        assertThat(protocol.reply(RiskLevel.HIGH, Set.of(RiskCategory.THIRD_PARTY, RiskCategory.SUICIDE), Locale.US)
                        .kind())
                .isEqualTo("CRISIS");
    }

    @Test
    void opensIncidentsForTheHelperProtocolOnlyWhenSomeoneMayBeInDangerNow() {
        assertThat(SafetyService.opensIncident(RiskLevel.MODERATE, true)).isFalse();
        assertThat(SafetyService.opensIncident(RiskLevel.HIGH, true)).isTrue();
        assertThat(SafetyService.opensIncident(RiskLevel.MODERATE, false)).isTrue();
        assertThat(SafetyService.opensIncident(RiskLevel.LOW, false)).isFalse();
    }
}
