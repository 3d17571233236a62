package org.hearth.companion;

import dev.langchain4j.data.message.ChatMessage;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a language model to write the reply the policy planned, and sends it only when it passes
 * the {@link OutputCheck}; otherwise, and on every failure, the curated reply is sent.
 *
 * <p>The model's answer is buffered and screened whole before the first word is released, then
 * streamed on in word chunks. Releasing sentence by sentence would show the first words sooner,
 * but a later sentence can change what an earlier one means ("Take all of them. Your pills."),
 * the sentence and length limits need the whole reply, and a reply rejected half way could not be
 * taken back from the member's screen: they would read half a generated reply and then the curated
 * one. Replies are a few sentences long, so the wait is bounded by the timeout, and what the member
 * sees is always exactly the text that is stored.
 *
 * <p>Never in safety mode: protocol texts are human-written (clinical-safety.md). Logs carry the
 * fallback reason and an exception's type, never the prompt, the member's text, the model's text or
 * an exception message (a provider's error body may echo the prompt).
 */
final class LlmReplyGenerator implements ReplyGenerator {

    private static final Logger log = LoggerFactory.getLogger(LlmReplyGenerator.class);

    private final ModelCall model;
    private final Prompts prompts;
    private final OutputCheck check;
    private final CircuitBreaker breaker;
    private final TimeLimiter timeLimiter;
    private final int maxCharacters;
    private final MeterRegistry meters;

    LlmReplyGenerator(
            ModelCall model,
            Prompts prompts,
            OutputCheck check,
            CircuitBreaker breaker,
            TimeLimiter timeLimiter,
            int maxCharacters,
            MeterRegistry meters) {
        this.model = model;
        this.prompts = prompts;
        this.check = check;
        this.breaker = breaker;
        this.timeLimiter = timeLimiter;
        this.maxCharacters = maxCharacters;
        this.meters = meters;
    }

    @Override
    public GeneratedReply generate(GenerationRequest request, Consumer<String> onToken) {
        if (request.plan().next().safetyMode() || request.plan().appendHelp()) {
            return fallBack(request, Fallback.SAFETY_MODE, null, onToken);
        }
        if (!"en".equals(request.locale().getLanguage())) {
            return fallBack(request, Fallback.UNSUPPORTED_LANGUAGE, null, onToken);
        }
        List<ChatMessage> messages;
        try {
            messages = prompts.messages(request);
        } catch (RuntimeException e) {
            return fallBack(request, Fallback.ERROR, e, onToken);
        }
        if (!breaker.tryAcquirePermission()) {
            return fallBack(request, Fallback.CIRCUIT_OPEN, null, onToken);
        }
        long start = breaker.getCurrentTimestamp();
        String text;
        try {
            text = timeLimiter.executeFutureSupplier(() -> model.ask(messages, maxCharacters));
        } catch (InterruptedException e) {
            // The caller gave up, not the model: this call says nothing about the model's health.
            Thread.currentThread().interrupt();
            breaker.releasePermission();
            return fallBack(request, Fallback.ERROR, e, onToken);
        } catch (Exception e) {
            Fallback reason = isTimeout(e) ? Fallback.TIMEOUT : Fallback.ERROR;
            // Resilience4j logs what it records; a provider's error text may echo the prompt.
            breaker.onError(
                    breaker.getCurrentTimestamp() - start,
                    breaker.getTimestampUnit(),
                    new ModelFailure(reason + " (" + rootCause(e).getClass().getName() + ")"));
            return fallBack(request, reason, e, onToken);
        }
        if (text == null || text.isBlank()) {
            // An endpoint that answers nothing is broken, not merely cautious: it counts as a failure.
            breaker.onError(
                    breaker.getCurrentTimestamp() - start,
                    breaker.getTimestampUnit(),
                    new ModelFailure(Fallback.EMPTY_OUTPUT.name()));
            return fallBack(request, Fallback.EMPTY_OUTPUT, null, onToken);
        }
        breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
        String reply = tidy(text);
        Optional<Fallback> rejected;
        try {
            rejected = check.reject(reply, request.recentTurns());
        } catch (RuntimeException e) {
            return fallBack(request, Fallback.UNSAFE_OUTPUT, e, onToken);
        }
        if (rejected.isPresent()) {
            return fallBack(request, rejected.get(), null, onToken);
        }
        count(GeneratedReply.Source.LLM, "NONE");
        CuratedReplyGenerator.stream(reply, onToken);
        return new GeneratedReply(reply, GeneratedReply.Source.LLM, prompts.version(), null);
    }

    /** The circuit breaker's state, for health reporting and tests. */
    CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    /** Replies by source and fallback reason: how often the model is used, and why not. */
    private void count(GeneratedReply.Source source, String reason) {
        Counter.builder("hearth.companion.replies")
                .description("Companion replies by source, and the reason the curated text was sent")
                .tag("source", source.name())
                .tag("reason", reason)
                .register(meters)
                .increment();
    }

    private GeneratedReply fallBack(
            GenerationRequest request, Fallback reason, @Nullable Throwable failure, Consumer<String> onToken) {
        if (failure == null) {
            log.info("Companion reply falls back to the curated library: {}", reason);
        } else {
            log.warn(
                    "Companion reply falls back to the curated library: {} ({})",
                    reason,
                    rootCause(failure).getClass().getName());
        }
        count(GeneratedReply.Source.CURATED, reason.name());
        boolean asked = reason != Fallback.SAFETY_MODE && reason != Fallback.UNSUPPORTED_LANGUAGE;
        String version = asked ? prompts.version() : null;
        return CuratedReplyGenerator.curated(request, reason, version, onToken);
    }

    /** Models like to wrap a reply in quotes or add trailing space; neither is part of it. */
    private static String tidy(String text) {
        String t = text.strip();
        if (t.length() > 1
                && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("\u201C") && t.endsWith("\u201D"))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || t instanceof HttpTimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * What the circuit breaker records for a failed call: the reason and the failure's type, without
     * its message, cause or stack, which may carry text from the provider.
     */
    private static final class ModelFailure extends RuntimeException {
        ModelFailure(String summary) {
            super(summary, null, false, false);
        }
    }
}
