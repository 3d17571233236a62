package org.hearth.nlp.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * Embedding cost on 30-word texts. {@code embedBatch} reports batches per second: multiply by
 * {@code batchSize} for texts per second. Run with {@code -t 1} and {@code -t 2} for one and two
 * callers; {@link EmbeddingLatencyBenchmark} gives the per-text p50 and p99.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-DOPT_OUT_TRACKING=true"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class EmbeddingBenchmark {

    @Param({"bge-small-en-v15-q"})
    public String model;

    @Param({"1", "8", "32"})
    public int batchSize;

    private SentenceEmbedder embedder;
    private List<String> batch;

    @Setup
    public void load() {
        embedder = OnnxSentenceEmbedder.of(OnnxSentenceEmbedder.Candidate.byName(model));
        batch = BenchTexts.batch(batchSize);
        embedder.embedAll(batch);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<float[]> embedBatch() {
        return embedder.embedAll(batch);
    }
}
