package org.lots.helpdesk.studio;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.ibm.icu.text.MessagePattern;

/**
 * What a translated text must pass before it is written, beside lint: ICU MessageFormat syntax, and the same
 * placeholders ({@code {municipality}}, {@code {max}}, plural arguments) as the source text, none added, none lost.
 */
final class TextCheck {

    static final int MAX_CHARS = 4000;

    private TextCheck() {}

    /** Why the text cannot be written, or empty when it can. */
    static Optional<String> problem(String text, String source) {
        if (text == null || text.isBlank()) return Optional.of("the text is empty");
        if (text.length() > MAX_CHARS) return Optional.of("the text is longer than " + MAX_CHARS + " characters");
        if (text.indexOf('\0') >= 0) return Optional.of("the text contains a NUL character");
        Set<String> mine;
        try {
            mine = arguments(text);
        } catch (IllegalArgumentException e) {
            return Optional.of("ICU MessageFormat error: " + e.getMessage().replaceAll("\\s+", " ").trim());
        }
        if (source == null) return Optional.empty();
        Set<String> theirs;
        try {
            theirs = arguments(source);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the source is lint's to report
        }
        if (!mine.equals(theirs)) {
            Set<String> missing = new TreeSet<>(theirs);
            missing.removeAll(mine);
            Set<String> extra = new TreeSet<>(mine);
            extra.removeAll(theirs);
            StringBuilder sb = new StringBuilder("placeholders differ from the source text:");
            if (!missing.isEmpty()) sb.append(" missing ").append(braces(missing));
            if (!extra.isEmpty()) sb.append(" not in the source ").append(braces(extra));
            return Optional.of(sb.toString());
        }
        return Optional.empty();
    }

    static Set<String> arguments(String text) {
        MessagePattern p = new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_OPTIONAL).parse(text);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < p.countParts(); i++) {
            MessagePattern.Part part = p.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME || part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                names.add(p.getSubstring(part));
            }
        }
        return names;
    }

    private static String braces(Set<String> names) {
        return String.join(", ", names.stream().map(n -> "{" + n + "}").toList());
    }
}
