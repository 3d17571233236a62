package org.hearth.companion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A chat model on loopback that speaks OpenAI's {@code POST /v1/chat/completions} (JSON, or SSE
 * chunks ending in {@code data: [DONE]} when the request says {@code "stream": true}) and Ollama's
 * {@code POST /api/chat} (JSON, or NDJSON lines ending with {@code "done": true}), and misbehaves on
 * demand.
 */
final class LoopbackChatServer implements AutoCloseable {

    /** How the next answers go wrong, if they do. */
    enum Behaviour {
        /** Answers {@link #reply} well-formed. */
        ANSWER,
        /** Sends the headers (and, when streaming, the first words) and then nothing until closed. */
        STALL,
        /** HTTP 500 with an error body that echoes the member's last message, as some servers do. */
        FAIL,
        /** HTTP 200 with a body that is not JSON. */
        MALFORMED,
        /** A well-formed answer with no text. */
        EMPTY
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch hungUp = new CountDownLatch(1);
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = Behaviour.ANSWER;
    private volatile String reply = "That sounds like a heavy day.";

    LoopbackChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> handle(exchange, false));
        server.createContext("/api/chat", exchange -> handle(exchange, true));
        server.setExecutor(executor);
        server.start();
    }

    /** The OpenAI-compatible base URL, ending in /v1. */
    URI openAiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** The Ollama base URL. */
    URI ollamaUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    LoopbackChatServer answering(String text) {
        this.reply = text;
        this.behaviour = Behaviour.ANSWER;
        return this;
    }

    LoopbackChatServer behaving(Behaviour behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    /** Every request body received, oldest first. */
    List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** Every Authorization header received, oldest first. */
    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange, boolean ollama) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            boolean stream = ollama
                    ? request.path("stream").asBoolean(true)
                    : request.path("stream").asBoolean(false);
            switch (behaviour) {
                case FAIL -> {
                    JsonNode messages = request.path("messages");
                    String echoed =
                            messages.get(messages.size() - 1).path("content").asText();
                    send(
                            exchange,
                            500,
                            "application/json",
                            "{\"error\":{\"message\":\"model overloaded while reading: " + echoed.replace("\"", "'")
                                    + "\",\"type\":\"server_error\"}}");
                }
                case MALFORMED -> malformed(exchange, ollama, stream, lastMessage(request));
                case EMPTY -> answer(exchange, request, ollama, stream, "");
                case STALL -> stall(exchange, ollama, stream);
                case ANSWER -> answer(exchange, request, ollama, stream, reply);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange, JsonNode request, boolean ollama, boolean stream, String text)
            throws IOException {
        String model = request.path("model").asText("test-model");
        if (!stream) {
            send(
                    exchange,
                    200,
                    "application/json",
                    ollama ? ollamaMessage(model, text, true) : openAiCompletion(model, text));
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", ollama ? "application/x-ndjson" : "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String piece : pieces(text)) {
            write(
                    out,
                    ollama
                            ? ollamaMessage(model, piece, false) + "\n"
                            : "data: " + openAiChunk(model, piece, null) + "\n\n");
        }
        if (ollama) {
            write(out, ollamaMessage(model, "", true) + "\n");
        } else {
            write(out, "data: " + openAiChunk(model, null, "stop") + "\n\n");
            write(out, "data: [DONE]\n\n");
        }
    }

    private static String lastMessage(JsonNode request) {
        JsonNode messages = request.path("messages");
        return messages.get(messages.size() - 1).path("content").asText();
    }

    /** Broken JSON; streamed, it starts with the member's words, as a confused proxy might send. */
    private static void malformed(HttpExchange exchange, boolean ollama, boolean stream, String echoed)
            throws IOException {
        if (!stream) {
            send(exchange, 200, "application/json", "{\"choices\": [ {\"message\": ");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", ollama ? "application/x-ndjson" : "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        write(
                exchange.getResponseBody(),
                ollama ? "{\"message\": {\"content\": \n" : "data: {\"choices\": [ {\"delta\n\n");
        if (!ollama) {
            write(exchange.getResponseBody(), "data: [DONE]\n\n");
        }
    }

    private void stall(HttpExchange exchange, boolean ollama, boolean stream) throws IOException, InterruptedException {
        if (stream) {
            exchange.getResponseHeaders().add("Content-Type", ollama ? "application/x-ndjson" : "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            // The first words of an unsafe reply: they must never reach the member.
            write(
                    exchange.getResponseBody(),
                    ollama
                            ? ollamaMessage("m", "You should take ", false) + "\n"
                            : "data: " + openAiChunk("m", "You should take ", null) + "\n\n");
            // Trickle words, as a slow model does, until the client hangs up or the test ends.
            try {
                while (!closing.await(50, TimeUnit.MILLISECONDS)) {
                    write(
                            exchange.getResponseBody(),
                            ollama
                                    ? ollamaMessage("m", "more ", false) + "\n"
                                    : "data: " + openAiChunk("m", "more ", null) + "\n\n");
                }
            } catch (IOException clientGone) {
                hungUp.countDown();
            }
            return;
        }
        closing.await(30, TimeUnit.SECONDS);
    }

    /** Whether a client hung up on a stalled stream within {@code seconds}. */
    boolean clientHungUpWithin(int seconds) throws InterruptedException {
        return hungUp.await(seconds, TimeUnit.SECONDS);
    }

    /** Words with their following space, the way models stream. */
    private static List<String> pieces(String text) {
        var pieces = new ArrayList<String>();
        var m = java.util.regex.Pattern.compile("\\S+\\s*|\\s+").matcher(text);
        while (m.find()) {
            pieces.add(m.group());
        }
        return pieces;
    }

    private static String openAiCompletion(String model, String text) {
        ObjectNode root = JSON.createObjectNode()
                .put("id", "chatcmpl-loopback")
                .put("object", "chat.completion")
                .put("created", 1_780_000_000L)
                .put("model", model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text);
        choice.put("finish_reason", "stop");
        root.putObject("usage")
                .put("prompt_tokens", 10)
                .put("completion_tokens", 5)
                .put("total_tokens", 15);
        return root.toString();
    }

    private static String openAiChunk(String model, String piece, String finishReason) {
        ObjectNode root = JSON.createObjectNode()
                .put("id", "chatcmpl-loopback")
                .put("object", "chat.completion.chunk")
                .put("created", 1_780_000_000L)
                .put("model", model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (piece != null) {
            delta.put("role", "assistant").put("content", piece);
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return root.toString();
    }

    private static String ollamaMessage(String model, String text, boolean done) {
        ObjectNode root = JSON.createObjectNode().put("model", model).put("created_at", "2026-12-03T18:00:00Z");
        root.putObject("message").put("role", "assistant").put("content", text);
        root.put("done", done);
        if (done) {
            root.put("done_reason", "stop")
                    .put("total_duration", 1_000_000L)
                    .put("prompt_eval_count", 10)
                    .put("eval_count", 5);
        }
        return root.toString();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
