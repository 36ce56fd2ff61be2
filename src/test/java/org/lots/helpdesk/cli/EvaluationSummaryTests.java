package org.lots.helpdesk.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.TestContent;

/** {@code evaluate --summary} measures a held-out set without showing any of its questions. */
class EvaluationSummaryTests {

    static final List<Evaluation.Case> CASES = List.of(
            new Evaluation.Case("en", "business.run", "hello there my friend", 2),
            new Evaluation.Case("en", "jobs.find", "where can i find a job", 3));

    static String printed(boolean lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Evaluation.print(Evaluation.run(TestContent.engine(), TestContent.shipped(), CASES), new PrintStream(out, true, StandardCharsets.UTF_8), lines);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSummaryCountsAMissWithoutItsText() {
        String summary = printed(false);
        assertTrue(summary.contains("topic accuracy (in scope): 0.500"), summary);
        assertTrue(summary.matches("(?s).*business\\.run -> \\S+\\s+1\\n.*"), summary);
        assertFalse(summary.contains("hello there"), summary);
    }

    @Test
    void theFullReportShowsTheMissedLineForErrorAnalysis() {
        assertTrue(printed(true).contains("2: en business.run -> "), printed(true));
    }
}
