package org.lots.helpdesk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.TestContent;
import org.lots.helpdesk.cli.Evaluation;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.language.TextNormalizer;
import org.yaml.snakeyaml.Yaml;

/**
 * Test phrases measure what the bot has not been taught: no phrase of eval/safety.tsv and no newcomer phrase of the
 * safety golden transcripts may be an example phrase of any dialog (compared folded, as the matcher sees them).
 */
class SafetyTestPhrasesTests {

    @Test
    void noSafetyTestPhraseIsAnExamplePhrase() throws IOException {
        Map<String, String> examples = new HashMap<>();
        for (Dialog d : TestContent.shipped().content().dialogs().values()) {
            d.examples().forEach((language, phrases) -> phrases.forEach(p -> examples.put(TextNormalizer.key(p), d.id() + " (" + language + ")")));
        }
        List<String> phrases = new ArrayList<>();
        Evaluation.read(Path.of("eval/safety.tsv")).forEach(c -> phrases.add(c.text()));
        int fromTranscripts = 0;
        for (Path f : safetyTranscripts()) {
            for (String said : said(f)) {
                phrases.add(said);
                fromTranscripts++;
            }
        }
        assertTrue(phrases.size() >= 200 + 60, "phrases checked: " + phrases.size());
        assertTrue(fromTranscripts >= 60, "transcript phrases: " + fromTranscripts);
        List<String> copied = new ArrayList<>();
        for (String p : phrases) {
            String owner = examples.get(TextNormalizer.key(p));
            if (owner != null) copied.add(p + " is an example of " + owner);
        }
        assertEquals(List.of(), copied);
    }

    static List<Path> safetyTranscripts() throws IOException {
        try (Stream<Path> s = Files.list(GoldenTranscriptTests.FOLDER)) {
            return s.filter(p -> p.getFileName().toString().startsWith("safety") && p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> said(Path file) throws IOException {
        Map<String, Object> doc;
        try (Reader r = Files.newBufferedReader(file)) {
            doc = new Yaml().load(r);
        }
        List<String> out = new ArrayList<>();
        for (Map<String, Object> turn : (List<Map<String, Object>>) doc.get("turns")) {
            if (turn.get("say") != null) out.add(String.valueOf(turn.get("say")));
        }
        return out;
    }
}
