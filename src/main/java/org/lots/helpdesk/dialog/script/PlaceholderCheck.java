package org.lots.helpdesk.dialog.script;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fails content that still shows a newcomer an example placeholder ("Exempelkommun", example.se, example.com) in a
 * text, a setting or a link: a placeholder looks like an answer and leads nowhere. Comments may mention them.
 */
final class PlaceholderCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("exempelkommun|example\\.(se|com|org)\\b", Pattern.CASE_INSENSITIVE);
    private final List<Problem> problems;

    PlaceholderCheck(List<Problem> problems) {
        this.problems = problems;
    }

    void check(Collection<SourceFile> dialogFiles, Collection<SourceFile> translationFiles) {
        for (SourceFile f : translationFiles) scan(f, false);
        for (SourceFile f : dialogFiles) scan(f, true);
    }

    /** Dialog files show a newcomer only their links (texts are keys); translation files show every line. */
    private void scan(SourceFile f, boolean linksOnly) {
        String[] lines = f.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#") || (linksOnly && !line.startsWith("url:"))) continue;
            Matcher m = PLACEHOLDER.matcher(line);
            if (m.find()) {
                problems.add(Problem.error(f.path(), i + 1, "example placeholder '" + m.group() + "' where a newcomer can see it: use a real name or an official address"));
            }
        }
    }
}
