package org.hearth.nlp.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.hearth.nlp.SentenceEmbedder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Per-text embedding latency (p50, p99) on 30-word texts, one text per call. */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-DOPT_OUT_TRACKING=true"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EmbeddingLatencyBenchmark {

    @Param({"bge-small-en-v15-q"})
    public String model;

    private SentenceEmbedder embedder;
    private final AtomicInteger next = new AtomicInteger();

    @Setup
    public void load() {
        embedder = OnnxSentenceEmbedder.of(OnnxSentenceEmbedder.Candidate.byName(model));
        embedder.embedAll(BenchTexts.THIRTY_WORDS);
    }

    @Benchmark
    public float[] embedOne() {
        int i = Math.floorMod(next.getAndIncrement(), BenchTexts.THIRTY_WORDS.size());
        return embedder.embed(BenchTexts.THIRTY_WORDS.get(i));
    }
}
