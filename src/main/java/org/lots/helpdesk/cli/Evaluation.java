package org.lots.helpdesk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.engine.ConversationState;
import org.lots.helpdesk.engine.Engine;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Knowledge;
import org.lots.helpdesk.engine.Trace;
import org.lots.helpdesk.engine.Turn;
import org.lots.helpdesk.dialog.Municipalities;

/**
 * Measures understanding on a held-out file of newcomer questions ({@code language, expected dialog or OOS, text}):
 * each question is the first message of a fresh conversation, handled by the real engine, exactly as a newcomer
 * would meet it. A clarifying question counts as not right (and, for out-of-scope questions, as not kept out).
 */
public final class Evaluation {

    public record Case(String language, String expected, String text, int line) {}

    /** The dialog that asks where the newcomer lives (dialogs/municipality.yaml). */
    static final String MUNICIPALITY = "municipality";

    /** {@code referral.<what>}: a question another office answers; the help desk points the way. */
    static boolean isReferral(String dialog) {
        return dialog.startsWith("referral.");
    }

    public record Outcome(Case c, String language, String dialog, List<String> candidates) {
        boolean languageRight() {
            return c.language().equals(language);
        }

        /**
         * In scope: the expected dialog. Out of scope: kept out of the content topics (the {@code area.topic}
         * dialogs), a person and a clarifying question; fallback, a kind "thanks", or a referral (which answers
         * nothing itself: it says who does) is right.
         */
        public boolean topicRight() {
            if (!c.expected().equals("OOS")) return c.expected().equals(dialog);
            return (!dialog.contains(".") || isReferral(dialog)) && !dialog.equals(Content.HANDOFF) && !dialog.equals(Engine.CLARIFY);
        }

        String got() {
            return dialog.equals(Engine.CLARIFY) ? "clarify" + candidates : dialog.equals(Content.FALLBACK) ? "OOS" : dialog;
        }
    }

    public static List<Case> read(Path tsv) throws IOException {
        List<Case> cases = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", 3);
            if (f.length < 3 || lines.get(i).startsWith("#") || (i == 0 && f[0].equals("language"))) continue;
            cases.add(new Case(f[0].trim(), f[1].trim(), f[2], i + 1));
        }
        return cases;
    }

    public static List<Outcome> run(Engine engine, Knowledge knowledge, List<Case> cases) {
        List<Outcome> out = new ArrayList<>();
        for (Case c : cases) {
            Turn turn = engine.handle(knowledge, ConversationState.fresh(null, false), new Input.Text(c.text()), null);
            Trace t = turn.trace();
            // A local answer first asks where the newcomer lives; answering it shows which dialog was reached.
            if (MUNICIPALITY.equals(t.dialog())) {
                String place = Municipalities.of(knowledge.content().settings()).stream().findFirst().map(Municipalities.Municipality::name).orElse("");
                t = engine.handle(knowledge, turn.state(), new Input.Text(place), null).trace();
            }
            out.add(new Outcome(c, t.language(), t.dialog() == null ? Content.FALLBACK : t.dialog(), t.candidates()));
        }
        return out;
    }

    /** The numbers that matter: topic accuracy per language and topic, language id, out-of-scope kept out. */
    public record Summary(double topic, double worstLanguage, String worstLanguageCode, double language, double oosKeptOut,
                          Map<String, double[]> byLanguage, Map<String, double[]> byTopic,
                          double referralsReached, int referrals, int oosToReferral) {}

    public static Summary summarise(List<Outcome> outcomes) {
        Map<String, double[]> byLanguage = new TreeMap<>(), byTopic = new TreeMap<>();
        int inScope = 0, right = 0, langRight = 0, oos = 0, kept = 0, referrals = 0, reached = 0, oosToReferral = 0;
        for (Outcome o : outcomes) {
            boolean isOos = o.c().expected().equals("OOS");
            if (o.languageRight()) langRight++;
            if (isOos) {
                oos++;
                if (o.topicRight()) kept++;
                if (isReferral(o.dialog())) oosToReferral++;
            } else if (isReferral(o.c().expected())) {
                referrals++;
                if (o.topicRight()) reached++;
            } else {
                inScope++;
                if (o.topicRight()) right++;
                count(byLanguage, o.c().language(), o.topicRight());
            }
            count(byTopic, o.c().expected(), o.topicRight());
        }
        String worst = byLanguage.entrySet().stream().min(Comparator.comparingDouble(e -> e.getValue()[0] / e.getValue()[1]))
                .map(Map.Entry::getKey).orElse("-");
        double worstValue = worst.equals("-") ? 0 : byLanguage.get(worst)[0] / byLanguage.get(worst)[1];
        return new Summary(ratio(right, inScope), worstValue, worst, ratio(langRight, outcomes.size()), ratio(kept, oos), byLanguage, byTopic,
                ratio(reached, referrals), referrals, oosToReferral);
    }

    private static void count(Map<String, double[]> m, String key, boolean ok) {
        double[] v = m.computeIfAbsent(key, k -> new double[2]);
        if (ok) v[0]++;
        v[1]++;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    public static void print(List<Outcome> outcomes, PrintStream out) {
        print(outcomes, out, true);
    }

    /** With {@code lines} false, confusions are counted per expected -> got and no question's text is shown. */
    public static void print(List<Outcome> outcomes, PrintStream out, boolean lines) {
        Summary s = summarise(outcomes);
        out.printf("questions: %d%n", outcomes.size());
        if (!s.byLanguage().isEmpty()) {
            out.printf("topic accuracy (in scope): %.3f%n", s.topic());
            out.printf("weakest language: %s %.3f%n", s.worstLanguageCode(), s.worstLanguage());
        }
        out.printf("language identification: %.3f%n", s.language());
        out.printf("out of scope kept out: %.3f%n", s.oosKeptOut());
        if (s.referrals() > 0) out.printf("referrals reached: %.3f  (%d questions)%n", s.referralsReached(), s.referrals());
        if (s.oosToReferral() > 0) out.printf("out of scope pointed to a referral: %d%n", s.oosToReferral());
        out.println();
        out.println("per language (topic accuracy, in scope, referrals apart):");
        s.byLanguage().forEach((k, v) -> out.printf("  %-4s %.3f  (%d/%d)%n", k, v[0] / v[1], (int) v[0], (int) v[1]));
        out.println("per topic:");
        s.byTopic().forEach((k, v) -> out.printf("  %-20s %.3f  (%d/%d)%n", k, v[0] / v[1], (int) v[0], (int) v[1]));
        out.println("language confusions (expected -> detected):");
        Map<String, Integer> lc = new TreeMap<>();
        outcomes.stream().filter(o -> !o.languageRight()).forEach(o -> lc.merge(o.c().language() + " -> " + o.language(), 1, Integer::sum));
        lc.forEach((k, v) -> out.printf("  %-12s %d%n", k, v));
        if (!lines) {
            out.println("topic confusions (expected -> got: count):");
            Map<String, Integer> tc = new TreeMap<>();
            outcomes.stream().filter(o -> !o.topicRight()).forEach(o -> tc.merge(o.c().expected() + " -> " + o.got(), 1, Integer::sum));
            tc.forEach((k, v) -> out.printf("  %-50s %d%n", k, v));
            return;
        }
        outcomes.stream().filter(o -> !o.languageRight()).forEach(o ->
                out.printf("  %d: %s -> %s: %s%n", o.c().line(), o.c().language(), o.language(), o.c().text()));
        out.println("topic confusions (line: language expected -> got: text):");
        outcomes.stream().filter(o -> !o.topicRight()).forEach(o ->
                out.printf("  %d: %s %s -> %s: %s%n", o.c().line(), o.c().language(), o.c().expected(), o.got(), o.c().text()));
    }
}
