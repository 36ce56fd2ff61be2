package org.lots.helpdesk.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The evaluation measures only while it stays held out: no question of any {@code eval/*.tsv} may be taught to the
 * router as an example phrase (not even nearly), nor to a question's choices as an example phrase or a keyword of
 * several words (they fill variables from the newcomer's words), and no two eval files may share a question. See {@link HeldOutOverlap}
 * for what counts as the same phrase. (Municipality aliases in settings are names, not phrases: not compared.)
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

    /** Reported without the eval side's words (file and line only), so that nobody reads held-out questions here. */
    @Test
    void noEvalQuestionIsAChoicePhraseOrKeyword() throws IOException {
        List<HeldOutOverlap.Phrase> phrases = choicePhrases(DIALOGS);
        List<String> found = new ArrayList<>();
        for (Path tsv : HeldOutOverlap.evalFiles(EVAL)) {
            for (HeldOutOverlap.Overlap o : HeldOutOverlap.between(HeldOutOverlap.questions(tsv), phrases)) {
                found.add(o.b().where() + " \"" + o.b().text() + "\" ~ " + o.a().where() + " (" + o.why() + ")");
            }
        }
        Path out = Path.of("target", "held-out-overlap-choices.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, found, StandardCharsets.UTF_8);
        assertThat(phrases).as("choice phrases read").hasSizeGreaterThan(100);
        assertThat(found).as("choice examples or keywords that (nearly) are eval questions; reword or remove them, never the question")
                .isEmpty();
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

    /** The {@code examples:} and phrase {@code keywords:} (per language) of every choice of every dialog file. */
    static List<HeldOutOverlap.Phrase> choicePhrases(Path dialogs) throws IOException {
        List<HeldOutOverlap.Phrase> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(dialogs)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            Node root;
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                root = new Yaml(new LoaderOptions()).compose(r);
            }
            if (!(HeldOutOverlap.value(root, "steps") instanceof SequenceNode steps)) continue;
            for (Node step : steps.getValue()) {
                if (!(HeldOutOverlap.value(step, "choices") instanceof SequenceNode choices)) continue;
                for (Node choice : choices.getValue()) {
                    for (String kind : List.of("examples", "keywords")) {
                        if (!(HeldOutOverlap.value(choice, kind) instanceof MappingNode perLanguage)) continue;
                        for (NodeTuple lang : perLanguage.getValue()) {
                            if (!(lang.getKeyNode() instanceof ScalarNode code) || !(lang.getValueNode() instanceof SequenceNode seq)) continue;
                            for (Node item : seq.getValue()) {
                                // A one-word keyword ("sfi", "salon*") is vocabulary, not a phrase: a one-word eval
                                // question may be that word without anything having been taught.
                                if (item instanceof ScalarNode sc && (kind.equals("examples") || sc.getValue().strip().contains(" "))) {
                                    out.add(HeldOutOverlap.Phrase.of("dialogs/" + f.getFileName(), sc.getStartMark().getLine() + 1,
                                            code.getValue(), sc.getValue().replace("*", "")));
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

}
