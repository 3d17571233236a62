package org.hearth.nlp.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.nlp.Analysis;
import org.hearth.nlp.Analyzer;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code analyze} end to end on a 30-word text (one embedding, four heads), and the heads alone
 * on a ready vector, so the heads' share of the cost can be read off directly.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-DOPT_OUT_TRACKING=true"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AnalyzerBenchmark {

    private Analyzer analyzer;
    private List<float[]> vectors;
    private final AtomicInteger next = new AtomicInteger();

    @Setup
    public void load() {
        analyzer = Analyzer.load(OnnxSentenceEmbedder.standard());
        vectors = analyzer.embedder().embedAll(BenchTexts.THIRTY_WORDS);
    }

    private int nextIndex() {
        return Math.floorMod(next.getAndIncrement(), BenchTexts.THIRTY_WORDS.size());
    }

    @Benchmark
    public Analysis analyze() {
        return analyzer.analyze(BenchTexts.THIRTY_WORDS.get(nextIndex()));
    }

    /** The heads without the embedding: the emotions head's words are tokenized and hashed here. */
    @Benchmark
    public Analysis headsOnly() {
        int i = nextIndex();
        return analyzer.analyzeEmbedding(BenchTexts.THIRTY_WORDS.get(i), vectors.get(i));
    }
}
