package org.lots.helpdesk.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.lots.helpdesk.content.ContentService;
import org.springframework.stereotype.Component;

/**
 * What came of a chat, as advisers record it when closing and later as a follow-up: a list the deployment configures
 * in {@code translations/settings.yaml}
 *
 * <pre>
 * outcomes: [education, job, internship, business_started, business_developed, referred, answered, no_response]
 * </pre>
 *
 * with a console label per language under {@code outcome.<id>} in {@code translations/<lang>.yaml}. Content, never
 * shown to newcomers. Without the setting, the shipped list below stands.
 */
@Component
public class Outcomes {

    public static final List<String> SHIPPED = List.of("education", "job", "internship", "business_started",
            "business_developed", "referred", "answered", "no_response");
    static final String LABEL_KEY = "outcome.";

    private final ContentService content;

    Outcomes(ContentService content) {
        this.content = content;
    }

    public List<String> ids() {
        if (content.current().content().settings().get("outcomes") instanceof List<?> list && !list.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (Object o : list) if (o instanceof String s && !s.isBlank()) out.add(normal(s));
            if (!out.isEmpty()) return List.copyOf(out);
        }
        return SHIPPED;
    }

    /** The configured id the text names ({@code "Business started"} is {@code business_started}); empty if none. */
    public Optional<String> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String id = normal(text);
        return ids().contains(id) ? Optional.of(id) : Optional.empty();
    }

    /** The console label in {@code language} (the fallback language's, else the id itself). */
    public String label(String id, String language) {
        String key = LABEL_KEY + id;
        String text = content.current().texts().format(language == null ? content.current().content().catalogue().fallback() : language, key);
        return text.equals(key) ? id.replace('_', ' ') : text;
    }

    /** A reason for a 400 that lists what is allowed. */
    public String choices() {
        return "outcome must be one of " + String.join(", ", ids());
    }

    /** Ids as stored: lower case with underscores; outcomes stored before the list was configurable were upper case. */
    public static String normal(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
