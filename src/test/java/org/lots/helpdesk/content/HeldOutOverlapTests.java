package org.lots.helpdesk.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The evaluation measures only while it stays held out: no question of any {@code eval/*.tsv} may be taught to the
 * router as an example phrase (not even nearly), and no two eval files may share a question. See
 * {@link HeldOutOverlap} for what counts as the same phrase.
 */
class HeldOutOverlapTests {

    private static final Path DIALOGS = Path.of("dialogs"), EVAL = Path.of("eval");

    @Test
    void noEvalQuestionIsAnExamplePhrase() throws IOException {
        List<HeldOutOverlap.Phrase> examples = HeldOutOverlap.examples(DIALOGS);
        List<HeldOutOverlap.Overlap> found = new ArrayList<>();
        for (Path tsv : HeldOutOverlap.evalFiles(EVAL)) found.addAll(HeldOutOverlap.between(HeldOutOverlap.questions(tsv), examples));
        report("examples", found);
        assertThat(found).as("eval questions that are (nearly) example phrases; reword or remove the example, never the question")
                .extracting(Object::toString).isEmpty();
    }

    @Test
    void noTwoEvalFilesShareAQuestion() throws IOException {
        List<Path> files = HeldOutOverlap.evalFiles(EVAL);
        List<HeldOutOverlap.Overlap> found = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            for (int j = i + 1; j < files.size(); j++) {
                found.addAll(HeldOutOverlap.between(HeldOutOverlap.questions(files.get(i)), HeldOutOverlap.questions(files.get(j))));
            }
        }
        report("eval", found);
        assertThat(found).as("questions shared by two eval files (nearly)").extracting(Object::toString).isEmpty();
    }

    @Test
    void nearDuplicatesAreFoundAfterNormalisation() {
        var eval = HeldOutOverlap.Phrase.of("eval/x.tsv", 2, "x", "Hur skriver jag ett CV?");
        assertThat(HeldOutOverlap.why(eval, HeldOutOverlap.Phrase.of("dialogs/a.yaml", 5, "x", "hur skriver jag ett cv"))).contains("same");
        assertThat(HeldOutOverlap.why(eval, HeldOutOverlap.Phrase.of("dialogs/a.yaml", 5, "x", "hur skrivr jag ett cv!!"))).isNotNull();
        assertThat(HeldOutOverlap.why(HeldOutOverlap.Phrase.of("eval/x.tsv", 2, "x", "كيف اكتب سي في"),
                HeldOutOverlap.Phrase.of("dialogs/a.yaml", 5, "x", "كيف أكتب سي في؟"))).isNotNull();
        assertThat(HeldOutOverlap.why(eval, HeldOutOverlap.Phrase.of("dialogs/a.yaml", 5, "x", "var hittar jag lediga jobb"))).isNull();
        assertThat(HeldOutOverlap.why(HeldOutOverlap.Phrase.of("eval/x.tsv", 2, "x", "hej"),
                HeldOutOverlap.Phrase.of("dialogs/a.yaml", 5, "x", "hi"))).isNull();
    }

    /** The full list goes to target/ too, for whoever cleans up. */
    private static void report(String name, List<HeldOutOverlap.Overlap> found) throws IOException {
        Path out = Path.of("target", "held-out-overlap-" + name + ".txt");
        Files.createDirectories(out.getParent());
        Files.write(out, found.stream().map(Object::toString).toList(), StandardCharsets.UTF_8);
    }
}
