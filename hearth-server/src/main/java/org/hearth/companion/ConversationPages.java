package org.hearth.companion;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.journal.Author;
import org.hearth.journal.MemberLocale;
import org.hearth.journal.PrivateJournal;
import org.hearth.journal.RiskView;
import org.hearth.platform.ProblemException;
import org.hearth.safety.Hotline;
import org.hearth.safety.ProtocolReply;
import org.hearth.safety.Safety;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The member's conversation pages, signed in with the session cookie: the thread list, a thread
 * with its turns, and the message form. With JavaScript the form's post asks for
 * {@code text/event-stream} (CSRF token in a header) and the reply streams in; without it the same
 * post renders the thread with the reply, so nothing depends on the script.
 */
@Controller
@RequestMapping("/conversations")
@PreAuthorize("hasRole('MEMBER')")
class ConversationPages {

    private static final Logger log = LoggerFactory.getLogger(ConversationPages.class);
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(2);

    private final Companion companion;
    private final Accounts accounts;
    private final Safety safety;
    private final PrivateJournal privateJournal;
    private final ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();

    ConversationPages(Companion companion, Accounts accounts, Safety safety, PrivateJournal privateJournal) {
        this.companion = companion;
        this.accounts = accounts;
        this.safety = safety;
        this.privateJournal = privateJournal;
    }

    @ModelAttribute("pageStyles")
    List<String> pageStyles() {
        return List.of("/css/companion.css", "/css/safety.css");
    }

    @GetMapping
    String threads(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("threads", companion.threads(caller));
        return "companion/threads";
    }

    @PostMapping
    String start(
            @RequestParam(required = false) @Nullable String title,
            @AuthenticationPrincipal Caller caller,
            Locale requestLocale) {
        StartedThread started = companion.start(caller, blankToNull(title), locale(caller, requestLocale));
        return "redirect:/conversations/" + started.threadId();
    }

    @GetMapping("/{threadId}")
    String thread(
            @PathVariable UUID threadId,
            @AuthenticationPrincipal Caller caller,
            Locale requestLocale,
            HttpServletRequest request,
            Model model) {
        return render(caller, threadId, locale(caller, requestLocale), request, null, model);
    }

    /** The form post without JavaScript: the reply is rendered in answer, never lost to a redirect. */
    @PostMapping(value = "/{threadId}/messages", produces = MediaType.TEXT_HTML_VALUE)
    String send(
            @PathVariable UUID threadId,
            @RequestParam(defaultValue = "") String text,
            @AuthenticationPrincipal Caller caller,
            Locale requestLocale,
            HttpServletRequest request,
            Model model) {
        Locale locale = locale(caller, requestLocale);
        if (text.isBlank()) {
            return render(caller, threadId, locale, request, "Please write something before sending.", model);
        }
        boolean locked = privateJournal.isLocked(caller.requireUserId());
        try {
            Exchange exchange = companion.send(caller, threadId, text, locale);
            if (locked && exchange.reply().kind() != ReplyKind.COMPANION) {
                // Screened while the journal is locked: the thread cannot be shown, the crisis lines can.
                return "redirect:" + helpPage(locale);
            }
        } catch (ProblemException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            if (locked && e.getStatusCode().value() == 423) {
                return "redirect:/unlock?next=" + threadHref(threadId);
            }
            // The problem's detail never carries the member's words.
            return render(caller, threadId, locale, request, e.getBody().getDetail(), model);
        }
        return render(caller, threadId, locale, request, null, model);
    }

    /**
     * The same post from conversation.js: events {@code risk}, {@code token} (JSON
     * {@code {text}}, in order) and {@code done} (what the page needs to finish: the phase in words,
     * the exercise card, or that a crisis card must be shown); {@code problem} instead when it fails.
     */
    @PostMapping(value = "/{threadId}/messages", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(
            @PathVariable UUID threadId,
            @RequestParam(defaultValue = "") String text,
            @AuthenticationPrincipal Caller caller,
            Locale requestLocale) {
        // What can be known now fails before the stream starts, as an ordinary problem answer. Nothing
        // is opened here, so a locked private journal's message still reaches the screen.
        companion.requireOwnThread(caller, threadId);
        Locale locale = locale(caller, requestLocale);
        boolean locked = privateJournal.isLocked(caller.requireUserId());
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        streams.execute(() -> {
            try {
                Exchange exchange = companion.send(caller, threadId, text, locale, new ReplyStream() {
                    @Override
                    public void risk(RiskView risk) {
                        event(emitter, "risk", Map.of("level", risk.level().name()));
                    }

                    @Override
                    public void token(String piece) {
                        event(emitter, "token", Map.of("text", piece));
                    }
                });
                event(emitter, "done", done(threadId, exchange.reply(), locked ? helpPage(locale) : null));
                emitter.complete();
            } catch (ProblemException e) {
                event(emitter, "problem", e.getBody());
                emitter.complete();
            } catch (RuntimeException e) {
                // The message could carry anything; only the type is logged.
                log.error(
                        "A streamed reply on the conversation page failed ({})",
                        e.getClass().getName());
                event(
                        emitter,
                        "problem",
                        ProblemDetail.forStatusAndDetail(
                                org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR,
                                "The reply could not be completed. Please try again."));
                emitter.complete();
            }
        });
        return emitter;
    }

    /** The public crisis-help page in the member's locale: their lines, without opening the journal. */
    private static String helpPage(Locale locale) {
        return "/help?locale=" + locale.toLanguageTag();
    }

    private static String threadHref(UUID threadId) {
        return "/conversations/" + threadId;
    }

    /**
     * @param lockedHelp where a protocol reply is shown when the journal is locked (the thread page
     *     cannot be), or null when it is not
     */
    private Map<String, Object> done(UUID threadId, ReplyView reply, @Nullable String lockedHelp) {
        Map<String, Object> done = new LinkedHashMap<>();
        boolean protocol = reply.kind() != ReplyKind.COMPANION;
        done.put("threadHref", protocol && lockedHelp != null ? lockedHelp : threadHref(threadId));
        done.put("kind", reply.kind().name());
        // A protocol reply is shown as the safety module's card, which the server renders.
        done.put("crisis", reply.kind() != ReplyKind.COMPANION);
        done.put("phaseLabel", PhaseWords.of(reply.phase()));
        reply.resources().stream()
                .filter(r -> Resource.EXERCISE.equals(r.type()))
                .findFirst()
                .ifPresent(exercise -> done.put(
                        "exercise",
                        Map.of(
                                "id", exercise.id(),
                                "title", exercise.title(),
                                "purpose", exercise.description(),
                                "href", "/exercises/" + exercise.id())));
        return done;
    }

    private String render(
            Caller caller,
            UUID threadId,
            Locale locale,
            HttpServletRequest request,
            @Nullable String error,
            Model model) {
        ThreadSummary thread = companion.thread(caller, threadId);
        List<TurnView> turns = companion.turns(caller, threadId, locale, request.getRemoteAddr());
        // Only the latest protocol reply becomes the full card (its ids must be unique on the page).
        int cardAt = -1;
        for (int i = turns.size() - 1; i >= 0; i--) {
            TurnView turn = turns.get(i);
            if (turn.author() == Author.COMPANION && turn.kind() != null && turn.kind() != ReplyKind.COMPANION) {
                cardAt = i;
                break;
            }
        }
        List<TurnLine> lines = new ArrayList<>();
        List<Hotline> hotlines = cardAt >= 0 ? safety.hotlines(locale) : List.of();
        for (int i = 0; i < turns.size(); i++) {
            TurnView turn = turns.get(i);
            Resource exercise = turn.resources().stream()
                    .filter(r -> Resource.EXERCISE.equals(r.type()))
                    .findFirst()
                    .orElse(null);
            ProtocolReply card =
                    i == cardAt ? new ProtocolReply(turn.kind().name(), turn.text(), hotlines, "as-stored") : null;
            lines.add(new TurnLine(
                    turn.turnId(),
                    turn.author() == Author.MEMBER,
                    turn.text(),
                    turn.kind() == null ? null : turn.kind().name(),
                    exercise,
                    card,
                    i == turns.size() - 1));
        }
        model.addAttribute("thread", thread);
        model.addAttribute("phaseLabel", PhaseWords.of(thread.phase()));
        model.addAttribute("turns", lines);
        model.addAttribute("error", error);
        return "companion/conversation";
    }

    /**
     * One turn as the page shows it.
     *
     * @param card the crisis card to show in place of the plain text (the latest protocol reply only)
     */
    record TurnLine(
            UUID turnId,
            boolean mine,
            String text,
            @Nullable String kind,
            @Nullable Resource exercise,
            @Nullable ProtocolReply card,
            boolean latest) {}

    private Locale locale(Caller caller, Locale requestLocale) {
        return MemberLocale.of(accounts, caller, requestLocale);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void event(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            // The browser went away; the exchange is stored all the same and the thread shows it.
        }
    }
}
