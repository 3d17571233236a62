package org.hearth.companion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CuratedReplyGeneratorTests {

    private static TurnPlan plan() {
        return new TurnPlan(
                Phase.VALIDATION,
                Transition.STAY,
                List.of(DialogueAct.REFLECT_FEELING, DialogueAct.OPEN_QUESTION),
                "sadness",
                null,
                null,
                false,
                ThreadState.start());
    }

    @Test
    void streamsTheCuratedTextInWordChunksThatJoinToIt() {
        var curated = new Reply("That sounds  heavy.\n\nWhat happened today? ", List.of("a", "b"), false);
        var tokens = new ArrayList<String>();

        GeneratedReply reply =
                ReplyGenerator.curated().generate(GenerationRequest.of(plan(), curated, Locale.UK), tokens::add);

        assertThat(reply.text()).isEqualTo(curated.text());
        assertThat(reply.source()).isEqualTo(GeneratedReply.Source.CURATED);
        assertThat(reply.fallbackReason()).isEqualTo("DISABLED");
        assertThat(reply.promptVersion()).isNull();
        assertThat(tokens).containsExactly("That ", "sounds  ", "heavy.\n\n", "What ", "happened ", "today? ");
        assertThat(String.join("", tokens)).isEqualTo(curated.text());
    }

    @Test
    void neverPrintsMemberTextInARequest() {
        var request = new GenerationRequest(
                plan(), new Reply("Hi.", List.of(), false), List.of("my secret worry"), List.of(), Locale.UK);

        assertThat(request.toString()).doesNotContain("secret").contains("VALIDATION");
    }
}
