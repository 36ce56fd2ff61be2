package org.lots.helpdesk.studio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.content.HeldOutOverlap;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.language.TextNormalizer;
import org.springframework.stereotype.Component;

/**
 * Adds and removes a dialog's example phrases in one language through {@link ContentWriter}. A phrase is refused
 * when it is (nearly) a held-out question of {@code eval/*.tsv} (the rule HeldOutOverlapTests holds the files to),
 * or already an example of another dialog in that language (it would teach two answers to one question).
 */
@Component
class ExamplePhrases {

    static final int MAX_CHARS = 300;

    private final ContentService content;
    private final ContentWriter writer;

    ExamplePhrases(ContentService content, ContentWriter writer) {
        this.content = content;
        this.writer = writer;
    }

    Dialog dialog(String id) {
        Dialog d = content.current().content().dialogs().get(id);
        if (d == null) throw new StudioErrors.NotFound("no dialog '" + id + "'");
        return d;
    }

    /** The dialog's file as it is now. */
    DialogFile file(Dialog d) {
        return new DialogFile(writer.read(d.path()));
    }

    /** The eval folder beside the content, when there is one. */
    Optional<Path> evalFolder() {
        return content.folder().map(f -> f.resolve("eval")).filter(Files::isDirectory);
    }

    ContentWriter.Written add(String user, String dialogId, String language, String phrase, String version) {
        String p = clean(phrase);
        Dialog d = dialog(dialogId);
        heldOut(language, p).ifPresent(why -> {
            throw new StudioErrors.Invalid("'" + p + "' is (nearly) a held-out test question (" + why
                    + "): the evaluation must not see its own questions; write the phrase differently");
        });
        String key = TextNormalizer.key(p);
        for (Dialog other : content.current().content().dialogs().values()) {
            if (other.id().equals(d.id())) continue;
            for (String e : other.examples().getOrDefault(language, List.of())) {
                if (TextNormalizer.key(e).equals(key)) throw new StudioErrors.Invalid("'" + p + "' is already an example of dialog '" + other.id() + "'");
            }
        }
        return writer.write(user, d.path(), current -> {
            DialogFile f = new DialogFile(current);
            stale(f, language, version);
            List<String> list = new ArrayList<>(f.examples(language));
            if (list.stream().anyMatch(e -> TextNormalizer.key(e).equals(key))) return current;
            list.add(p);
            f.setExamples(language, list);
            return f.result();
        }, "example added to " + d.id() + " (" + language + ")");
    }

    ContentWriter.Written remove(String user, String dialogId, String language, String phrase, String version) {
        Dialog d = dialog(dialogId);
        return writer.write(user, d.path(), current -> {
            DialogFile f = new DialogFile(current);
            stale(f, language, version);
            List<String> list = new ArrayList<>(f.examples(language));
            if (!list.remove(phrase)) throw new StudioErrors.NotFound("'" + phrase + "' is not an example of " + d.id() + " in " + language);
            f.setExamples(language, list);
            return f.result();
        }, "example removed from " + d.id() + " (" + language + ")");
    }

    private static void stale(DialogFile f, String language, String version) {
        if (version != null && !version.equals(f.version(language))) {
            throw new StudioErrors.Stale("the examples changed since you opened them; nothing was written",
                    java.util.Map.of("examples", f.examples(language), "version", f.version(language)));
        }
    }

    static String clean(String phrase) {
        String p = phrase == null ? "" : phrase.strip().replaceAll("\\s+", " ");
        if (p.isEmpty()) throw new StudioErrors.Invalid("the phrase is empty");
        if (p.length() > MAX_CHARS) throw new StudioErrors.Invalid("a phrase may have at most " + MAX_CHARS + " characters");
        if (p.codePoints().anyMatch(Character::isISOControl)) throw new StudioErrors.Invalid("the phrase contains control characters");
        if (TextNormalizer.key(p).isEmpty()) throw new StudioErrors.Invalid("the phrase has no letters or digits");
        return p;
    }

    /** Why the phrase overlaps a held-out question, or empty. */
    Optional<String> heldOut(String language, String phrase) {
        Optional<Path> eval = evalFolder();
        if (eval.isEmpty()) return Optional.empty();
        HeldOutOverlap.Phrase mine = HeldOutOverlap.Phrase.of("examples", 0, language, phrase);
        try {
            for (Path tsv : HeldOutOverlap.evalFiles(eval.get())) {
                for (HeldOutOverlap.Phrase q : HeldOutOverlap.questions(tsv)) {
                    String why = HeldOutOverlap.why(q, mine);
                    if (why != null) return Optional.of(why + ", " + q.file());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }
}
