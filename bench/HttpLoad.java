/*
 * A small, bounded HTTP load harness for Hearth, run as a single-file Java program against a
 * server on this machine:
 *
 *   java bench/HttpLoad.java login  --url http://127.0.0.1:8080 --users 20 --concurrency 4 --requests 400
 *   java bench/HttpLoad.java screen --url http://127.0.0.1:8080 --token <bearer> --concurrency 4 --requests 2000
 *   java bench/HttpLoad.java book   --url http://127.0.0.1:8080 --admin-email A --admin-password P --users 20 --concurrency 8 --requests 400
 *
 * The book scenario creates a clinician (through the admin API) and members, then has the clinician
 * book sessions for them: every one-hour slot is asked for by two requests with different members,
 * so about half answer 201 and half 409 (the exclusion constraint refusing the overlap).
 *   java -cp "$(cat /tmp/nlp.cp)" bench/HttpLoad.java turns --url http://127.0.0.1:8080 --concurrency 50 --requests 1000
 *
 * The turns scenario registers one member per concurrent conversation, starts a thread for each,
 * and has every worker keep talking in its own thread (screen, understanding, policy, reply and
 * the encrypted durable write of both turns, per request). With hearth-nlp and its dependencies
 * on the class path (mvn -pl hearth-nlp dependency:build-classpath, plus hearth-nlp/target/classes)
 * it also measures bare in-process sentence embedding in the same run (--embed-seconds, default
 * 10; 0 skips it) and prints the ratio of turn throughput to embedding throughput.
 *
 * It prints the count, errors, throughput and latency percentiles. Request loops are bounded in
 * count and the whole run stops after --max-seconds; only loopback targets are accepted.
 */
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

public class HttpLoad {

    record Outcome(long nanos, int status) {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: HttpLoad <login|screen|book|turns> --url URL [--users N] [--concurrency N] [--requests N] [--token T]");
            System.exit(2);
        }
        String scenario = args[0];
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI base = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080"));
        String host = base.getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
            System.err.println("Refusing to send load anywhere but loopback: " + host);
            System.exit(2);
        }
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "4"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "400"));
        int users = Integer.parseInt(options.getOrDefault("users", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", String.valueOf(Math.min(100, requests / 4))));
        long maxSeconds = Long.parseLong(options.getOrDefault("max-seconds", "300"));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        IntFunction<HttpRequest> request = switch (scenario) {
            case "login" -> loginRequests(client, base, users);
            case "screen" -> screenRequests(base, options.get("token"));
            case "book" -> bookRequests(client, base, users, options.get("admin-email"), options.get("admin-password"));
            case "turns" -> turnRequests(client, base, concurrency);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };

        run(client, request, warmup, concurrency, maxSeconds); // warm-up, not reported
        long started = System.nanoTime();
        List<Outcome> outcomes = run(client, request, requests, concurrency, maxSeconds);
        double seconds = (System.nanoTime() - started) / 1e9;
        report(scenario, outcomes, seconds, concurrency);
        if (scenario.equals("turns")) {
            double turnsPerSecond = outcomes.size() / seconds;
            double embedSeconds = Double.parseDouble(options.getOrDefault("embed-seconds", "10"));
            if (embedSeconds > 0) {
                double embeddings = bareEmbeddings(embedSeconds);
                if (embeddings > 0) {
                    System.out.printf("bare embedding (1 caller, in-process): %.1f/s; turns/embeddings ratio=%.3f%n",
                            embeddings, turnsPerSecond / embeddings);
                }
            }
        }
    }

    /** One conversation per worker: worker w always talks in thread w, so threads never contend. */
    static IntFunction<HttpRequest> turnRequests(HttpClient client, URI base, int conversations) throws Exception {
        String password = "bench-" + UUID.randomUUID();
        String[] script = {
            "I'm so stressed and anxious lately, work has been completely overwhelming.",
            "My manager keeps adding deadlines and I'm worried I'll fall behind and let everyone down.",
            "And then at night I lie awake until 3am going over everything I didn't finish.",
            "I can't stop thinking about it, I always mess everything up.",
            "Maybe not everything, I did finish the big report last week.",
            "What can I do to actually get some sleep tonight?",
            "Okay, I'll try that tonight before bed.",
            "Thank you, that helps."
        };
        List<String> tokens = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            String email = "bench-turns-" + UUID.randomUUID() + "@example.org";
            String body = "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Bench %d\",\"locale\":\"en-US\"}"
                    .formatted(email, password, i);
            HttpResponse<String> created = client.send(post(base.resolve("/api/v1/auth/register"), body, null), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("register answered " + created.statusCode() + ": " + created.body());
            }
            HttpResponse<String> login = client.send(post(base.resolve("/api/v1/auth/login"),
                    "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password), null), HttpResponse.BodyHandlers.ofString());
            String token = field(login.body(), "accessToken");
            HttpResponse<String> thread = client.send(post(base.resolve("/api/v1/threads"), "{}", token), HttpResponse.BodyHandlers.ofString());
            if (thread.statusCode() != 201) {
                throw new IllegalStateException("start thread answered " + thread.statusCode());
            }
            tokens.add(token);
            threads.add(field(thread.body(), "threadId"));
        }
        ThreadLocal<Integer> worker = new ThreadLocal<>();
        AtomicInteger workers = new AtomicInteger();
        return i -> {
            if (worker.get() == null) {
                worker.set(workers.getAndIncrement() % conversations);
            }
            int w = worker.get();
            return post(base.resolve("/api/v1/threads/" + threads.get(w) + "/messages"),
                    "{\"text\":\"%s\"}".formatted(script[i % script.length]), tokens.get(w));
        };
    }

    static String field(String json, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in the answer");
        }
        return m.group(1);
    }

    /** Sentences per second from hearth-nlp's standard embedder, one caller, when it is on the class path. */
    static double bareEmbeddings(double seconds) {
        try {
            Class<?> type = Class.forName("org.hearth.nlp.OnnxSentenceEmbedder");
            Object embedder = type.getMethod("standard").invoke(null);
            var embed = embedder.getClass().getMethod("embed", String.class);
            String[] texts = {
                "work was exhausting today and I just want to sleep for a week",
                "I can't stop thinking about it, I always mess everything up.",
                "What can I do to actually get some sleep tonight?"
            };
            for (int i = 0; i < 200; i++) {
                embed.invoke(embedder, texts[i % texts.length]);
            }
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            long started = System.nanoTime();
            int n = 0;
            while (System.nanoTime() < deadline) {
                embed.invoke(embedder, texts[n % texts.length] + " " + n);
                n++;
            }
            return n / ((System.nanoTime() - started) / 1e9);
        } catch (ClassNotFoundException e) {
            System.out.println("bare embedding: hearth-nlp is not on the class path; skipped");
            return 0;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static IntFunction<HttpRequest> loginRequests(HttpClient client, URI base, int users) throws Exception {
        String password = "bench-" + UUID.randomUUID();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String email = "bench-" + UUID.randomUUID() + "@example.org";
            String body = "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Bench %d\"}".formatted(email, password, i);
            HttpResponse<String> created = client.send(post(base.resolve("/api/v1/auth/register"), body, null), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("register answered " + created.statusCode() + ": " + created.body());
            }
            emails.add(email);
        }
        return i -> post(base.resolve("/api/v1/auth/login"),
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(emails.get(i % emails.size()), password), null);
    }

    static IntFunction<HttpRequest> screenRequests(URI base, String token) {
        if (token == null) {
            throw new IllegalArgumentException("--token is required for the screen scenario");
        }
        String[] texts = {
            "work was exhausting today and I just want to sleep for a week",
            "this deadline is killing me but I'll get through it somehow",
            "sometimes I think everyone would be better off without me around",
            "I had a good walk with my sister this afternoon and felt lighter",
            "i took all of my pills about an hour ago",
            "my manager keeps piling things on and I can't say no to anyone"
        };
        return i -> post(base.resolve("/api/v1/safety/screen"),
                "{\"text\":\"%s\",\"locale\":\"en-US\"}".formatted(texts[i % texts.length]), token);
    }

    static IntFunction<HttpRequest> bookRequests(
            HttpClient client, URI base, int users, String adminEmail, String adminPassword) throws Exception {
        if (adminEmail == null || adminPassword == null) {
            throw new IllegalArgumentException("--admin-email and --admin-password are required for the book scenario");
        }
        String password = "bench-" + UUID.randomUUID();
        String admin = login(client, base, adminEmail, adminPassword);
        String clinicianEmail = "bench-clinician-" + UUID.randomUUID() + "@example.org";
        String clinicianId = field(send(client, post(base.resolve("/api/v1/admin/users"),
                "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Bench clinician\",\"roles\":[\"CLINICIAN\"]}"
                        .formatted(clinicianEmail, password), admin), 201), "userId");
        String clinician = login(client, base, clinicianEmail, password);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < Math.max(2, users); i++) {
            String email = "bench-" + UUID.randomUUID() + "@example.org";
            members.add(field(send(client, post(base.resolve("/api/v1/auth/register"),
                    "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Bench %d\"}".formatted(email, password, i), null), 201),
                    "userId"));
        }
        // Far enough ahead that no reminder is due during the run; a fresh range per run.
        java.time.Instant first = java.time.Instant.now().plus(Duration.ofDays(30 + (long) (Math.random() * 3000)))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        // A counter rather than the request index, so the warm-up's slots are not asked for again.
        AtomicInteger sequence = new AtomicInteger();
        return ignored -> {
            int i = sequence.getAndIncrement();
            return post(base.resolve("/api/v1/appointments"),
                "{\"clinicianId\":\"%s\",\"memberId\":\"%s\",\"start\":\"%s\",\"durationMinutes\":50}"
                        .formatted(clinicianId, members.get(i % members.size()), first.plus(Duration.ofHours(i / 2))),
                clinician);
        };
    }

    static String login(HttpClient client, URI base, String email, String password) throws Exception {
        return field(send(client, post(base.resolve("/api/v1/auth/login"),
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password), null), 200), "accessToken");
    }

    static String send(HttpClient client, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** A top-level string field of a small JSON object, without a JSON library (single-file program). */
    static HttpRequest post(URI uri, String json, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    static List<Outcome> run(HttpClient client, IntFunction<HttpRequest> request, int count, int concurrency, long maxSeconds)
            throws InterruptedException {
        Outcome[] outcomes = new Outcome[count];
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        try (ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = client.send(request.apply(i), HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        outcomes[i] = new Outcome(System.nanoTime() - t0, status);
                    }
                });
            }
        }
        return Arrays.stream(outcomes).filter(o -> o != null).toList();
    }

    static void report(String scenario, List<Outcome> outcomes, double seconds, int concurrency) {
        long[] ok = outcomes.stream().filter(o -> o.status() >= 200 && o.status() < 300).mapToLong(Outcome::nanos).sorted().toArray();
        long[] all = outcomes.stream().filter(o -> o.status() > 0).mapToLong(Outcome::nanos).sorted().toArray();
        Map<Integer, Long> statuses = new HashMap<>();
        outcomes.forEach(o -> statuses.merge(o.status(), 1L, Long::sum));
        System.out.printf("scenario=%s concurrency=%d requests=%d ok=%d statuses=%s%n", scenario, concurrency, outcomes.size(), ok.length, statuses);
        System.out.printf("throughput=%.1f req/s%n", outcomes.size() / seconds);
        if (ok.length > 0) {
            System.out.printf("latency ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n",
                    pct(ok, 0.50), pct(ok, 0.90), pct(ok, 0.99), ok[ok.length - 1] / 1e6);
        }
        if (all.length > ok.length) {
            System.out.printf("latency ms, all answers: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n",
                    pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), all[all.length - 1] / 1e6);
        }
    }

    static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
