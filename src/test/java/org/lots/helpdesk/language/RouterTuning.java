package org.lots.helpdesk.language;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lots.helpdesk.TestContent;
import org.lots.helpdesk.cli.Evaluation;
import org.lots.helpdesk.engine.Engine;
import org.lots.helpdesk.engine.Knowledge;

/**
 * Not a test: a grid search of the router's thresholds on the DEVELOPMENT sets (default every eval/dev*.tsv),
 * never on the held-out questions. Run:
 * java -cp target/test-classes:target/classes:CLASSPATH org.lots.helpdesk.language.RouterTuning [dev files...]
 * Each line: the worst of the sets' scores (topic / 0.95, weakest language / 0.90, out of scope kept out / 0.95),
 * then the thresholds, then each set's figures.
 */
public final class RouterTuning {
    public static void main(String[] args) throws Exception {
        List<String> files = args.length > 0 ? List.of(args) : devSets();
        List<List<Evaluation.Case>> sets = new ArrayList<>();
        for (String f : files) sets.add(Evaluation.read(Path.of(f)));
        Engine engine = TestContent.engine();
        var content = TestContent.shipped().content();
        double[] confident = {0.26}, ambiguous = {0.18}, outOfScope = {0.10}, alone = {0.20, 0.22, 0.24, 0.26},
                aloneRatio = {0.4, 0.5, 0.6}, boost = {0.18},
                weight = {0.7}, margin = {0.03}, clarify = {0.95};
        // The thresholds do not change training: the weights are trained once and kept in memory.
        java.util.Map<String, float[][]> trained = new java.util.HashMap<>();
        SoftmaxClassifier.Cache cache = new SoftmaxClassifier.Cache() {
            public float[][] load(String key, int weights, int bias) { return trained.get(key); }
            public void store(String key, float[] weights, float[] bias) { trained.put(key, new float[][] {weights, bias}); }
        };
        for (double w : weight) for (double b : boost) for (double c : confident) for (double a : ambiguous) for (double o : outOfScope)
        for (double m : margin) for (double r : clarify) for (double l : alone) for (double lr : aloneRatio) {
            if (a > c) continue;
            var t = new NgramRouter.Thresholds(c, a, m, b, o, w, 0.0, r, l, lr);
            var knowledge = new Knowledge(content, new NgramRouter(content, t, cache));
            StringBuilder line = new StringBuilder();
            double score = Double.MAX_VALUE;
            for (int i = 0; i < sets.size(); i++) {
                var s = Evaluation.summarise(Evaluation.run(engine, knowledge, sets.get(i)));
                score = Math.min(score, Math.min(Math.min(s.topic() / 0.95, s.worstLanguage() / 0.90), s.oosKeptOut() / 0.95));
                line.append(String.format("  | %s topic=%.3f worst=%s %.3f oos=%.3f", Path.of(files.get(i)).getFileName(), s.topic(),
                        s.worstLanguageCode(), s.worstLanguage(), s.oosKeptOut()));
            }
            System.out.printf("%.3f  w=%.1f boost=%.2f conf=%.2f amb=%.2f oos=%.2f margin=%.2f clarify=%.2f alone=%.2f/%.1f%s%n",
                    score, w, b, c, a, o, m, r, l, lr, line);
        }
    }

    /** Every development set (eval/dev*.tsv), so that a new one joins the search without an edit here. */
    static List<String> devSets() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("eval"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("dev") && n.endsWith(".tsv"))
                    .sorted().map(n -> "eval/" + n).toList();
        }
    }
}
