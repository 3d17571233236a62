package org.hearth.journal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.hearth.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Journal entries and check-ins (api.md, "Conversations and journal"). */
@RestController
class JournalController {

    private final Journal journal;

    JournalController(Journal journal) {
        this.journal = journal;
    }

    record EntryRequest(
            @Nullable String text,
            @Nullable Integer mood,
            @Nullable List<String> tags) {

        NewEntry toEntry() {
            if (text == null) {
                throw Problems.invalid("The entry is not valid.", Map.of("text", "must not be blank"));
            }
            return new NewEntry(text, mood, tags == null ? List.of() : tags);
        }

        @Override
        public String toString() {
            return "EntryRequest[]";
        }
    }

    record CheckInRequest(
            @Nullable Integer mood,
            @Nullable Integer energy,
            @Nullable Double sleepHours,
            @Nullable String note) {

        @Override
        public String toString() {
            return "CheckInRequest[]";
        }
    }

    @PostMapping("/api/v1/journal/entries")
    @PreAuthorize("hasRole('MEMBER')")
    ResponseEntity<WrittenEntry> write(
            @RequestBody EntryRequest request, @AuthenticationPrincipal Caller caller, Locale locale) {
        return ResponseEntity.status(HttpStatus.CREATED).body(journal.write(caller, request.toEntry(), locale));
    }

    /** The caller's own entries, or (with {@code memberId}) a member's under their JOURNAL consent. */
    @GetMapping("/api/v1/journal/entries")
    @PreAuthorize("isAuthenticated()")
    EntryPage entries(
            @RequestParam(required = false) @Nullable UUID memberId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest request) {
        return journal.entries(caller, memberId, page, size, request.getRemoteAddr());
    }

    @GetMapping("/api/v1/journal/entries/{entryId}")
    @PreAuthorize("isAuthenticated()")
    Entry entry(@PathVariable UUID entryId, @AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        return journal.entry(caller, entryId, request.getRemoteAddr());
    }

    @PutMapping("/api/v1/journal/entries/{entryId}")
    @PreAuthorize("hasRole('MEMBER')")
    WrittenEntry update(
            @PathVariable UUID entryId,
            @RequestBody EntryRequest request,
            @AuthenticationPrincipal Caller caller,
            Locale locale) {
        return journal.update(caller, entryId, request.toEntry(), locale);
    }

    @DeleteMapping("/api/v1/journal/entries/{entryId}")
    @PreAuthorize("hasRole('MEMBER')")
    ResponseEntity<Void> delete(@PathVariable UUID entryId, @AuthenticationPrincipal Caller caller) {
        journal.delete(caller, entryId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/checkins")
    @PreAuthorize("hasRole('MEMBER')")
    ResponseEntity<RecordedCheckIn> checkIn(
            @RequestBody CheckInRequest request, @AuthenticationPrincipal Caller caller, Locale locale) {
        if (request.mood() == null) {
            throw Problems.invalid("The check-in is not valid.", Map.of("mood", "must be between 1 and 10"));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(journal.checkIn(
                        caller,
                        new NewCheckIn(request.mood(), request.energy(), request.sleepHours(), request.note()),
                        locale));
    }

    /** The caller's own check-ins, or (with {@code memberId}) a member's under their MOOD consent. */
    @GetMapping("/api/v1/checkins")
    @PreAuthorize("isAuthenticated()")
    List<CheckIn> checkIns(
            @RequestParam(required = false) @Nullable UUID memberId,
            @RequestParam(defaultValue = "30") int days,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest request) {
        return journal.checkIns(caller, memberId, days, request.getRemoteAddr());
    }
}
