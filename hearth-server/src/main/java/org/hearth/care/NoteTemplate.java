package org.hearth.care;

import java.util.List;

/**
 * The structures a session note may follow. SOAP (subjective, objective, assessment, plan) and DAP
 * (data, assessment, plan) are the two formats most used in talking therapies; the hints are ours.
 */
public enum NoteTemplate {
    SOAP(List.of(
            new Section("subjective", "Subjective", "What the member reports, in their terms as you understood them."),
            new Section("objective", "Objective", "What you observed; scores and measures."),
            new Section("assessment", "Assessment", "Your clinical reading of the session."),
            new Section("plan", "Plan", "Next steps, homework, the next session."))),
    DAP(List.of(
            new Section("data", "Data", "What was said and observed, including measures."),
            new Section("assessment", "Assessment", "Your clinical reading of the data."),
            new Section("plan", "Plan", "Next steps, homework, the next session.")));

    public record Section(String key, String label, String hint) {}

    private final List<Section> sections;

    NoteTemplate(List<Section> sections) {
        this.sections = sections;
    }

    public List<Section> sections() {
        return sections;
    }

    boolean has(String key) {
        return sections.stream().anyMatch(section -> section.key().equals(key));
    }
}
