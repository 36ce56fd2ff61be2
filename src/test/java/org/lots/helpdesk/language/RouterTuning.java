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
        // Each grid can be given as a system property, e.g. -Doos=0.0,0.05,0.10; by default the values in use.
        double[] confident = grid("confident", 0.26), ambiguous = grid("ambiguous", 0.18), outOfScope = grid("oos", 0.05),
                alone = grid("alone", 0.22), aloneRatio = grid("aloneRatio", 0.6), boost = grid("boost", 0.18),
                weight = grid("weight", 0.7), margin = grid("margin", 0.03), clarify = grid("clarify", 0.95);
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
            int right = 0, all = 0;
            for (int i = 0; i < sets.size(); i++) {
                var outcomes = Evaluation.run(engine, knowledge, sets.get(i));
                var s = Evaluation.summarise(outcomes);
                for (var x : outcomes) if (x.topicRight()) right++;
                all += outcomes.size();
                score = Math.min(score, Math.min(Math.min(s.topic() / 0.95, s.worstLanguage() / 0.90), s.oosKeptOut() / 0.95));
                line.append(String.format("  | %s topic=%.3f worst=%s %.3f oos=%.3f", Path.of(files.get(i)).getFileName(), s.topic(),
                        s.worstLanguageCode(), s.worstLanguage(), s.oosKeptOut()));
            }
            System.out.printf("%.3f  %d/%d right  w=%.1f boost=%.2f conf=%.2f amb=%.2f oos=%.2f margin=%.2f clarify=%.2f alone=%.2f/%.1f%s%n",
                    score, right, all, w, b, c, a, o, m, r, l, lr, line);
        }
    }

    private static double[] grid(String property, double inUse) {
        String given = System.getProperty(property);
        if (given == null) return new double[] {inUse};
        return java.util.Arrays.stream(given.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /** Every development set (eval/dev*.tsv), so that a new one joins the search without an edit here. */
    static List<String> devSets() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("eval"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("dev") && n.endsWith(".tsv"))
                    .sorted().map(n -> "eval/" + n).toList();
        }
    }
}
