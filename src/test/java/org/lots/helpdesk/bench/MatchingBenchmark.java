package org.lots.helpdesk.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.lots.helpdesk.TestContent;
import org.lots.helpdesk.cli.Evaluation;
import org.lots.helpdesk.engine.ConversationState;
import org.lots.helpdesk.engine.Engine;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Knowledge;
import org.lots.helpdesk.engine.LanguageIdentifier;

/**
 * Not a test: how long understanding one message takes, over every question of the evaluation files, after warm-up.
 * Three measures: the router alone (matching), language identification alone, and a whole engine turn (both, plus
 * the dialog step). Run with bench/matching.sh; results go to BENCHMARKS.md.
 */
public final class MatchingBenchmark {

    public static void main(String[] args) throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        for (String f : new String[]{"eval/dev.tsv", "eval/questions.tsv"}) {
            for (Evaluation.Case c : Evaluation.read(Path.of(f))) {
                texts.add(c.text());
                languages.add(c.language());
            }
        }
        long t0 = System.nanoTime();
        Knowledge k = TestContent.shipped();
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        LanguageIdentifier id = TestContent.languages();
        Engine engine = TestContent.engine();
        int rounds = Integer.parseInt(System.getProperty("rounds", "20"));
        for (int w = 0; w < 5; w++) for (int i = 0; i < texts.size(); i++) k.router().route(texts.get(i), languages.get(i));
        for (int w = 0; w < 2; w++) for (String t : texts) id.detect(t);
        double[] route = new double[texts.size() * rounds], detect = new double[texts.size() * rounds], turn = new double[texts.size() * rounds];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < texts.size(); i++, n++) {
                long a = System.nanoTime();
                k.router().route(texts.get(i), languages.get(i));
                long b = System.nanoTime();
                id.detect(texts.get(i));
                long c = System.nanoTime();
                engine.handle(k, ConversationState.fresh(null, false), new Input.Text(texts.get(i)), null);
                long d = System.nanoTime();
                route[n] = (b - a) / 1e6;
                detect[n] = (c - b) / 1e6;
                turn[n] = (d - c) / 1e6;
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("messages: %d distinct x %d rounds; content + router built in %d ms; heap used after GC: %d MB%n",
                texts.size(), rounds, buildMs, (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        print("router (matching)", route);
        print("language identification", detect);
        print("whole engine turn", turn);
    }

    private static void print(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%-24s p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  max %.3f ms%n", what,
                s[s.length / 2], s[(int) (s.length * 0.95)], s[(int) (s.length * 0.99)], s[s.length - 1]);
    }
}
