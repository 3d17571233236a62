package org.hearth.nlp.bench;

import java.util.ArrayList;
import java.util.List;

/** Thirty-word member-like texts, the size the latency targets are stated for. */
final class BenchTexts {

    static final List<String> THIRTY_WORDS = List.of(
            "I barely slept again last night because my mind kept going over the meeting with my manager and now"
                    + " I feel exhausted and scared that I will mess up the presentation tomorrow",
            "My sister called today and we argued about mum's care again, she thinks I do nothing to help and I"
                    + " ended up crying in the car before picking the kids up from school",
            "Since I retired the days feel very long and quiet, my friends are busy with grandchildren and I"
                    + " often eat dinner alone in front of the television without saying a word",
            "honestly school is so stressful rn, everyone in my class seems to get it except me and i keep"
                    + " thinking the teacher thinks im stupid when i ask anything at all lol",
            "Work was fine today, I finished the report early and took a walk at lunch, but in the evening"
                    + " the usual heaviness came back and I could not focus on anything else",
            "I am living here three years and still my English is not good, at the job people speak fast"
                    + " and I feel alone and ashamed to ask them to repeat what they said",
            "Thank you for the breathing exercise yesterday, it helped me fall asleep faster and today I felt"
                    + " a little calmer at work even when my boss was in a bad mood again",
            "We had a lovely weekend at the lake with the kids, the weather was perfect and for once nobody"
                    + " argued, I wish every week could feel this light and easy for us");

    private BenchTexts() {}

    /** {@code n} texts cycling through the set. */
    static List<String> batch(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(THIRTY_WORDS.get(i % THIRTY_WORDS.size()));
        }
        return out;
    }
}
