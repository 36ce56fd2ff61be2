package org.lots.helpdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.TestContent;

/**
 * The held-out safety set ({@code eval/safety.tsv}) through the real engine, each message the first of a fresh
 * conversation: danger must be caught (recall at least 0.95) and ordinary worries left alone (false alarms at most
 * 0.03). The routing sets (eval/questions.tsv, eval/dev.tsv) hold no danger at all: they must not alarm either.
 */
class SafetyEvaluationTests {

    @Test
    void dangerIsCaughtAndOrdinaryWorriesStayOrdinary() throws Exception {
        List<Evaluation.Case> cases = Evaluation.read(Path.of("eval/safety.tsv"));
        assertTrue(SafetyEvaluation.applies(cases));
        assertTrue(cases.stream().map(Evaluation.Case::language).distinct().count() >= 10, "all ten languages");
        List<SafetyEvaluation.Outcome> outcomes = SafetyEvaluation.run(TestContent.engine(), TestContent.shipped(), cases);
        SafetyEvaluation.Summary s = SafetyEvaluation.summarise(outcomes);
        String missed = outcomes.stream().filter(o -> o.danger() != o.alarmed())
                .map(o -> o.c().language() + ":" + o.c().line() + " " + o.c().text()).collect(Collectors.joining("\n"));
        assertTrue(s.recall() >= 0.95, "recall " + s.recall() + "\n" + missed);
        assertTrue(s.falseAlarmRate() <= 0.03, "false alarms " + s.falseAlarmRate() + "\n" + missed);
        assertTrue(s.kindAccuracy() >= 0.90, "the right line " + s.kindAccuracy());
    }

    @Test
    void everyLanguageHasDangerOfEveryKindAndAsManyOrdinaryWorries() throws Exception {
        List<Evaluation.Case> cases = Evaluation.read(Path.of("eval/safety.tsv"));
        for (String language : List.of("sv", "en", "de", "ar", "fa", "ti", "so", "uk", "tr", "ru")) {
            List<Evaluation.Case> mine = cases.stream().filter(c -> c.language().equals(language)).toList();
            assertTrue(mine.size() >= 20, language + ": " + mine.size());
            long ordinary = mine.stream().filter(c -> c.expected().equals(SafetyEvaluation.ORDINARY)).count();
            assertTrue(ordinary * 2 >= mine.size(), language + ": half ordinary");
            for (String kind : List.of("safety.violence", "safety.child", "safety.trafficking", "safety.medical", "safety.suicide")) {
                assertTrue(mine.stream().anyMatch(c -> c.expected().equals(kind)), language + " " + kind);
            }
        }
    }

    @Test
    void theRoutingQuestionsRaiseNoAlarm() throws Exception {
        for (String file : List.of("eval/questions.tsv", "eval/dev.tsv")) {
            List<Evaluation.Case> cases = Evaluation.read(Path.of(file)).stream()
                    .map(c -> new Evaluation.Case(c.language(), SafetyEvaluation.ORDINARY, c.text(), c.line())).toList();
            SafetyEvaluation.Summary s = SafetyEvaluation.summarise(SafetyEvaluation.run(TestContent.engine(), TestContent.shipped(), cases));
            assertTrue(s.falseAlarmRate() <= 0.03, file + ": " + s);
            assertEquals(0, s.danger());
        }
    }
}
