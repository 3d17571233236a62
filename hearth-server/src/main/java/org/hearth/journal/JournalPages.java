package org.hearth.journal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.hearth.platform.ProblemException;
import org.jspecify.annotations.Nullable;
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

/**
 * The member's journal pages: the list of entries and the editor. Plain form posts; a text that
 * raises risk is saved and answered with the safety module's card in the same response.
 */
@Controller
@RequestMapping("/journal")
@PreAuthorize("hasRole('MEMBER')")
class JournalPages {

    static final int PAGE_SIZE = 20;

    private final Journal journal;
    private final MemberZone locales;

    JournalPages(Journal journal, MemberZone locales) {
        this.journal = journal;
        this.locales = locales;
    }

    @ModelAttribute("pageStyles")
    List<String> pageStyles() {
        return List.of("/css/companion.css", "/css/safety.css");
    }

    @GetMapping
    String list(
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest request,
            Model model) {
        EntryPage entries = journal.entries(caller, null, Math.max(0, page), PAGE_SIZE, request.getRemoteAddr());
        model.addAttribute("entries", entries);
        model.addAttribute("zone", locales.zoneOf(caller));
        model.addAttribute("hasOlder", (long) (entries.page() + 1) * entries.size() < entries.total());
        return "journal/entries";
    }

    @GetMapping("/new")
    String blank(Model model) {
        model.addAttribute("form", new EntryForm("", null, ""));
        model.addAttribute("entryId", null);
        return "journal/editor";
    }

    @PostMapping
    String create(
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) @Nullable Integer mood,
            @RequestParam(defaultValue = "") String tags,
            @AuthenticationPrincipal Caller caller,
            Locale requestLocale,
            Model model) {
        EntryForm form = new EntryForm(text, mood, tags);
        try {
            WrittenEntry written = journal.write(caller, form.entry(), locales.localeOf(caller, requestLocale));
            return saved(written, model);
        } catch (ProblemException e) {
            return invalid(form, null, e, model);
        }
    }

    @GetMapping("/{entryId}")
    String edit(
            @PathVariable UUID entryId,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest request,
            Model model) {
        Entry entry = journal.entry(caller, entryId, request.getRemoteAddr());
        model.addAttribute("form", new EntryForm(entry.text(), entry.mood(), String.join(", ", entry.tags())));
        model.addAttribute("entryId", entryId);
        return "journal/editor";
    }

    @PostMapping("/{entryId}")
    String update(
            @PathVariable UUID entryId,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) @Nullable Integer mood,
            @RequestParam(defaultValue = "") String tags,
            @AuthenticationPrincipal Caller caller,
            Locale requestLocale,
            Model model) {
        EntryForm form = new EntryForm(text, mood, tags);
        try {
            WrittenEntry written =
                    journal.update(caller, entryId, form.entry(), locales.localeOf(caller, requestLocale));
            return saved(written, model);
        } catch (ProblemException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            return invalid(form, entryId, e, model);
        }
    }

    @PostMapping("/{entryId}/delete")
    String delete(@PathVariable UUID entryId, @AuthenticationPrincipal Caller caller) {
        journal.delete(caller, entryId);
        return "redirect:/journal?deleted";
    }

    private String saved(WrittenEntry written, Model model) {
        if (written.reply() != null) {
            // Rendered in answer to the post, so the card can never be lost between two requests.
            model.addAttribute("reply", written.reply());
            model.addAttribute("entryId", written.entryId());
            return "journal/saved-with-care";
        }
        return "redirect:/journal?saved";
    }

    private String invalid(EntryForm form, @Nullable UUID entryId, ProblemException e, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("entryId", entryId);
        // The problem's field messages name rules, never the member's words.
        model.addAttribute("errors", e.errors());
        model.addAttribute("error", e.getBody().getDetail());
        // A locked private journal kept nothing, but the screen ran: its crisis card, when it gave one,
        // is shown above the editor.
        boolean locked = e.getStatusCode().value() == 423;
        model.addAttribute("locked", locked);
        Object reply = e.getBody().getProperties() == null
                ? null
                : e.getBody().getProperties().get("protocolReply");
        model.addAttribute("reply", locked ? reply : null);
        return "journal/editor";
    }

    /** What the editor holds; tags are typed as one comma-separated line. */
    record EntryForm(String text, @Nullable Integer mood, String tags) {

        NewEntry entry() {
            List<String> list = Arrays.stream(tags.split(","))
                    .map(String::strip)
                    .filter(t -> !t.isEmpty())
                    .toList();
            return new NewEntry(text, mood, list);
        }

        @Override
        public String toString() {
            return "EntryForm[" + text.length() + " chars]";
        }
    }
}
