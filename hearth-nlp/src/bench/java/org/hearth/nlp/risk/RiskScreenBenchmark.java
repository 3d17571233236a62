package org.hearth.nlp.risk;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput and latency of the risk screen, which runs synchronously on every member text before
 * any reply. Messages are a realistic mix: everyday chat, idioms, distress, risk with context.
 * {@code screen} runs the full screen (lexical, model with its embedding, context);
 * {@code lexicalOnly} isolates the lexical stage, which is what remains when the model times out.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-DOPT_OUT_TRACKING=true"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class RiskScreenBenchmark {

    private static final List<String> MESSAGES = List.of(
            "work was exhausting today and my manager kept moving the deadline",
            "this deadline is killing me lol",
            "I feel like nothing I do matters anymore and I'm tired of pretending I'm fine",
            "can you remind me how the breathing exercise goes?",
            "i wanna kms ngl everything is so bad rn",
            "I cut myself last night after the argument with my dad",
            "my sister said she wants to die and I don't know what to say to her",
            "I had a good session with my therapist and I feel lighter today",
            "I took the whole bottle about twenty minutes ago",
            "I'm not suicidal, I just need to vent about my exams for a minute");
    private static final List<String> CONTEXT = List.of("I want it all to stop", "I've been so low this week");

    /**
     * A journal entry of about 110 words, long enough to be read in parts as well as whole
     * ({@code TrainedRiskModel#parts}): the cost of the long-text path.
     */
    private static final String JOURNAL_ENTRY = "Long day. The bus was late again so I walked most of the way and"
            + " got to the office soaked. Meetings all morning, and my manager wants the report redone by Friday."
            + " At lunch I sat in the park and fed the pigeons the crusts of my sandwich. Mum rang after work to"
            + " ask about Sunday dinner and whether my brother is coming. I told her I'd let her know. Made pasta,"
            + " watched two episodes of the baking show and folded the washing. I keep thinking about the drive to"
            + " the coast next month. The cat is asleep on my feet as I write this and I should go to bed soon.";

    private DefaultRiskScreen screen;
    private LexicalStage lexical;

    /** Each benchmark thread walks the messages on its own, so two threads share no counter. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        String nextMessage() {
            next = (next + 1) % MESSAGES.size();
            return MESSAGES.get(next);
        }
    }

    @Setup(Level.Trial)
    public void load() {
        screen = DefaultRiskScreen.create();
        lexical = new LexicalStage();
    }

    @TearDown(Level.Trial)
    public void close() {
        screen.close();
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput})
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void screenThroughput(Cursor cursor, Blackhole bh) {
        bh.consume(screen.screen(cursor.nextMessage(), CONTEXT));
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void screenLatency(Cursor cursor, Blackhole bh) {
        bh.consume(screen.screen(cursor.nextMessage(), CONTEXT));
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void screenLongEntryLatency(Blackhole bh) {
        bh.consume(screen.screen(JOURNAL_ENTRY, List.of()));
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void lexicalOnlyLatency(Cursor cursor, Blackhole bh) {
        bh.consume(lexical.analyze(cursor.nextMessage()));
    }
}
