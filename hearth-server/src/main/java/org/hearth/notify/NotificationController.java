package org.hearth.notify;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The signed-in person's own notifications: list, mark read, live stream, quiet hours. */
@RestController
@RequestMapping("/api/v1/notifications")
@PreAuthorize("isAuthenticated()")
class NotificationController {

    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final Inbox inbox;
    private final Notifications notifications;
    private final NotificationFanout fanout;
    private final Clock clock;

    NotificationController(Inbox inbox, Notifications notifications, NotificationFanout fanout, Clock clock) {
        this.inbox = inbox;
        this.notifications = notifications;
        this.fanout = fanout;
        this.clock = clock;
    }

    record Page(List<NotificationView> items, int unreadCount) {}

    @GetMapping
    Page list(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "false") boolean unread) {
        UUID me = caller.requireUserId();
        return new Page(inbox.forRecipient(me, unread, 100), inbox.unread(me));
    }

    @PostMapping("/{id}/read")
    Map<String, Integer> read(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        UUID me = caller.requireUserId();
        if (!inbox.markRead(id, me, clock.instant())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return Map.of("unreadCount", inbox.unread(me));
    }

    /**
     * Server-sent events: {@code unread} with the count at once and after each change, and
     * {@code notification} for each new item.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal Caller caller) throws IOException {
        UUID me = caller.requireUserId();
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        AutoCloseable subscription = fanout.subscribe(me, notification -> {
            try {
                emitter.send(SseEmitter.event().name("notification").data(notification, MediaType.APPLICATION_JSON));
                emitter.send(SseEmitter.event()
                        .name("unread")
                        .data(Map.of("unreadCount", inbox.unread(me)), MediaType.APPLICATION_JSON));
            } catch (IOException e) {
                emitter.completeWithError(e);
            }
        });
        Runnable close = () -> {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // Nothing left to release.
            }
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
        emitter.send(SseEmitter.event()
                .name("unread")
                .data(Map.of("unreadCount", inbox.unread(me)), MediaType.APPLICATION_JSON));
        return emitter;
    }

    record QuietHoursBody(
            @Nullable LocalTime start,
            @Nullable LocalTime end,
            @Nullable String timeZone) {}

    @GetMapping("/quiet-hours")
    ResponseEntity<QuietHoursBody> quietHours(@AuthenticationPrincipal Caller caller) {
        return notifications
                .quietHours(caller.requireUserId())
                .map(hours -> ResponseEntity.ok(new QuietHoursBody(
                        hours.start(), hours.end(), hours.timeZone().getId())))
                .orElseGet(() -> ResponseEntity.ok(new QuietHoursBody(null, null, null)));
    }

    /** Sets quiet hours; a body without start and end clears them. */
    @PutMapping("/quiet-hours")
    QuietHoursBody setQuietHours(@AuthenticationPrincipal Caller caller, @RequestBody QuietHoursBody body) {
        if (body.start() == null || body.end() == null) {
            notifications.quietHours(caller.requireUserId(), null);
            return new QuietHoursBody(null, null, null);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(body.timeZone() == null ? "UTC" : body.timeZone());
        } catch (RuntimeException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "timeZone is not an IANA time-zone id");
        }
        notifications.quietHours(caller.requireUserId(), new QuietHours(body.start(), body.end(), zone));
        return new QuietHoursBody(body.start(), body.end(), zone.getId());
    }
}
