package org.hearth.companion;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hearth.identity.Caller;
import org.hearth.journal.PrivateJournal;
import org.hearth.journal.RiskView;
import org.hearth.platform.DataProtectionException;
import org.hearth.platform.ProblemException;
import org.hearth.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Threads and messages (api.md, "Conversations and journal"), JSON or Server-Sent Events. */
@RestController
@RequestMapping("/api/v1/threads")
class ConversationController {

    private static final Logger log = LoggerFactory.getLogger(ConversationController.class);
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(2);

    private final Companion companion;
    private final ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();

    ConversationController(Companion companion) {
        this.companion = companion;
    }

    record StartRequest(@Nullable String title) {

        @Override
        public String toString() {
            return "StartRequest[]";
        }
    }

    record MessageRequest(@Nullable String text) {

        String requireText() {
            if (text == null || text.isBlank()) {
                throw Problems.invalid("The message is empty.", Map.of("text", "must not be blank"));
            }
            return text;
        }

        @Override
        public String toString() {
            return "MessageRequest[]";
        }
    }

    @PostMapping
    @PreAuthorize("hasRole('MEMBER')")
    ResponseEntity<StartedThread> start(
            @RequestBody(required = false) @Nullable StartRequest request,
            @AuthenticationPrincipal Caller caller,
            Locale requestLocale) {
        StartedThread started = companion.start(caller, request == null ? null : request.title(), requestLocale);
        return ResponseEntity.status(HttpStatus.CREATED).body(started);
    }

    @GetMapping
    @PreAuthorize("hasRole('MEMBER')")
    List<ThreadSummary> threads(@AuthenticationPrincipal Caller caller) {
        return companion.threads(caller);
    }

    @GetMapping("/{threadId}")
    @PreAuthorize("hasRole('MEMBER')")
    ThreadSummary thread(@PathVariable UUID threadId, @AuthenticationPrincipal Caller caller) {
        return companion.thread(caller, threadId);
    }

    @PostMapping(value = "/{threadId}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('MEMBER')")
    Exchange send(
            @PathVariable UUID threadId,
            @RequestBody MessageRequest request,
            @AuthenticationPrincipal Caller caller,
            Locale requestLocale) {
        return companion.send(caller, threadId, request.requireText(), requestLocale);
    }

    /**
     * The same exchange as Server-Sent Events: {@code risk} (the screen's result), {@code token}
     * (pieces of the reply, in order), then {@code done} (the whole exchange, as the JSON answer).
     * A failure after the stream began ends it with an {@code error} event carrying a problem.
     */
    @PostMapping(value = "/{threadId}/messages", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasRole('MEMBER')")
    SseEmitter stream(
            @PathVariable UUID threadId,
            @RequestBody MessageRequest request,
            @AuthenticationPrincipal Caller caller,
            Locale requestLocale) {
        String text = request.requireText();
        // Fail before the stream starts for what can be known now, so those answer with a plain problem.
        companion.requireOwnThread(caller, threadId);
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        streams.execute(() -> {
            try {
                Exchange exchange = companion.send(caller, threadId, text, requestLocale, new ReplyStream() {
                    @Override
                    public void risk(RiskView risk) {
                        send(emitter, "risk", risk);
                    }

                    @Override
                    public void token(String piece) {
                        send(emitter, "token", Map.of("text", piece));
                    }
                });
                send(emitter, "done", exchange);
                emitter.complete();
            } catch (ProblemException e) {
                sendQuietly(emitter, "error", e.getBody());
                emitter.complete();
            } catch (RuntimeException e) {
                if (e instanceof DataProtectionException locked
                        && locked.reason() == DataProtectionException.Reason.LOCKED) {
                    // The journal locked itself (idle time) between the check and the write.
                    sendQuietly(
                            emitter, "error", PrivateJournal.lockedProblem(null).getBody());
                    emitter.complete();
                    return;
                }
                // The exception's message could carry anything; only its type is logged.
                log.error("A streamed reply failed ({})", e.getClass().getName());
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                        HttpStatus.INTERNAL_SERVER_ERROR, "The reply could not be completed.");
                problem.setType(Problems.type("internal"));
                problem.setTitle("Internal error");
                sendQuietly(emitter, "error", problem);
                emitter.complete();
            }
        });
        return emitter;
    }

    @GetMapping("/{threadId}/messages")
    @PreAuthorize("isAuthenticated()")
    List<TurnView> turns(
            @PathVariable UUID threadId,
            @AuthenticationPrincipal Caller caller,
            Locale requestLocale,
            HttpServletRequest request) {
        return companion.turns(caller, threadId, requestLocale, request.getRemoteAddr());
    }

    private static void send(SseEmitter emitter, String name, Object data) {
        // A client that went away does not stop the exchange: it is still stored and readable later.
        sendQuietly(emitter, name, data);
    }

    private static void sendQuietly(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            // Nothing more can reach this client.
        }
    }
}
