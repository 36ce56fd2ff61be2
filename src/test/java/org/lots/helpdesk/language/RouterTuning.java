package org.lots.helpdesk.language;

import java.nio.file.Path;
import java.util.List;

import org.lots.helpdesk.TestContent;
import org.lots.helpdesk.cli.Evaluation;
import org.lots.helpdesk.engine.Engine;
import org.lots.helpdesk.engine.Knowledge;

/**
 * Not a test: a grid search of the router's thresholds on the DEVELOPMENT set (eval/dev.tsv), never on the held-out
 * questions. Run: java -cp target/test-classes:target/classes:CLASSPATH org.lots.helpdesk.language.RouterTuning
 */
public final class RouterTuning {
    public static void main(String[] args) throws Exception {
        List<Evaluation.Case> cases = Evaluation.read(Path.of(args.length > 0 ? args[0] : "eval/dev.tsv"));
        Engine engine = TestContent.engine();
        var content = TestContent.shipped().content();
        double[] confident = {0.2, 0.25, 0.3}, ambiguous = {0.15, 0.2}, outOfScope = {0.05, 0.1, 0.15};
        for (double c : confident) for (double a : ambiguous) for (double o : outOfScope) {
            if (a > c) continue;
            double w = 0.7, m = 0.03, b = 0.18, ms = 0.0;
            var t = new NgramRouter.Thresholds(c, a, m, b, o, w, ms, 0.9);
            var s = Evaluation.summarise(Evaluation.run(engine, new Knowledge(content, new NgramRouter(content, t)), cases));
            double score = Math.min(Math.min(s.topic() / 0.95, s.worstLanguage() / 0.85), s.oosKeptOut() / 0.90);
            System.out.printf("%.3f  minsim=%.2f w=%.1f conf=%.2f amb=%.2f margin=%.2f boost=%.2f oos=%.2f topic=%.3f worst=%s %.3f oos=%.3f lang=%.3f%n",
                    score, ms, w, c, a, m, b, o, s.topic(), s.worstLanguageCode(), s.worstLanguage(), s.oosKeptOut(), s.language());
        }
    }
}
