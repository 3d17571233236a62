package org.hearth.nlp.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;
import org.hearth.nlp.Analyzer;
import org.hearth.nlp.OnnxSentenceEmbedder;

/**
 * CPU time per call, which the load of other processes on a shared machine changes far less than
 * wall-clock time: the calling thread's CPU time (ThreadMXBean) and the whole process's CPU time
 * over the run divided by the calls (which also counts work that ONNX Runtime does on its own
 * threads, as LangChain4j's default session does). Wall-clock p50/p99 are printed beside them.
 *
 * <p>Run: {@code ./mvnw -B -q -pl hearth-nlp -Pbench compile exec:exec@cpu -Dcpu.args="400 1"}
 * (calls per thread, threads).
 */
public final class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CpuTime() {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<String> texts = BenchTexts.THIRTY_WORDS;
        OnnxSentenceEmbedder embedder = OnnxSentenceEmbedder.standard();
        Analyzer analyzer = Analyzer.load(embedder);
        List<float[]> vectors = embedder.embedAll(texts);
        System.out.printf(
                Locale.ROOT,
                "%d calls per thread, %d thread(s), 30-word texts, %d cores, load average %.1f%n",
                calls,
                threads,
                Runtime.getRuntime().availableProcessors(),
                OS.getSystemLoadAverage());
        System.out.printf(
                Locale.ROOT,
                "%-34s %10s %10s %12s %12s %14s%n",
                "call",
                "wall p50",
                "wall p99",
                "thread-CPU",
                "thread-CPU",
                "process-CPU");
        System.out.printf(
                Locale.ROOT, "%-34s %10s %10s %12s %12s %14s%n", "", "ms", "ms", "p50 ms", "p99 ms", "ms per call");
        measure("embed (Hearth encoder)", calls, threads, i -> embedder.embed(texts.get(i % texts.size())));
        measure("analyze", calls, threads, i -> analyzer.analyze(texts.get(i % texts.size())));
        measure("heads only", calls * 10, threads, i -> analyzer.analyzeEmbedding(
                        texts.get(i % vectors.size()), vectors.get(i % vectors.size())));
        BgeSmallEnV15QuantizedEmbeddingModel langchain4j = new BgeSmallEnV15QuantizedEmbeddingModel(Runnable::run);
        measure(
                "embed (LangChain4j encoder, before)",
                calls,
                threads,
                i -> langchain4j.embed(TextSegment.from(texts.get(i % texts.size()))));
    }

    private static void measure(String name, int calls, int threads, IntConsumer call) throws Exception {
        for (int i = 0; i < Math.max(50, calls / 5); i++) {
            call.accept(i);
        }
        long[][] wall = new long[threads][calls];
        long[][] cpu = new long[threads][calls];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < calls; i++) {
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    call.accept(i + id);
                    wall[id][i] = System.nanoTime() - w0;
                    cpu[id][i] = THREADS.getCurrentThreadCpuTime() - c0;
                }
            });
            w.start();
            workers.add(w);
        }
        long process0 = OS.getProcessCpuTime();
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        long process = OS.getProcessCpuTime() - process0;
        long[] allWall = Arrays.stream(wall).flatMapToLong(Arrays::stream).sorted().toArray();
        long[] allCpu = Arrays.stream(cpu).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "%-34s %10.3f %10.3f %12.3f %12.3f %14.3f%n",
                name,
                ms(percentile(allWall, 0.50)),
                ms(percentile(allWall, 0.99)),
                ms(percentile(allCpu, 0.50)),
                ms(percentile(allCpu, 0.99)),
                ms(process / (double) allWall.length));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    private static double ms(double nanos) {
        return nanos / 1_000_000.0;
    }
}
