package org.lots.helpdesk.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which texts a piece of work formatted, on this thread: the preview uses it to tell editors the key and review
 * status of every text a turn showed (replies and button labels alike) without threading keys through the engine's
 * outputs. Outside {@link #during} it records nothing and costs one thread-local read per text.
 */
public final class TextUses {

    /** One formatted text: the key asked for, the language asked for, and what it came out as. */
    public record Use(String language, String key, String text) {}

    public record Recorded<T>(T result, List<Use> uses) {}

    private static final ThreadLocal<List<Use>> CURRENT = new ThreadLocal<>();

    private TextUses() {}

    /** Runs {@code work} and returns its result with every text it formatted, in order. */
    public static <T> Recorded<T> during(Supplier<T> work) {
        List<Use> outer = CURRENT.get();
        List<Use> uses = new ArrayList<>();
        CURRENT.set(uses);
        try {
            return new Recorded<>(work.get(), List.copyOf(uses));
        } finally {
            if (outer == null) CURRENT.remove();
            else CURRENT.set(outer);
        }
    }

    /** Notes a formatted text when someone is recording; returns it unchanged. */
    static String noted(String language, String key, String text) {
        List<Use> uses = CURRENT.get();
        if (uses != null) uses.add(new Use(language, key, text));
        return text;
    }
}
