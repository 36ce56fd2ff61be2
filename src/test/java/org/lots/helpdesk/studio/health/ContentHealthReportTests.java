package org.lots.helpdesk.studio.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.dialog.script.Problem;

class ContentHealthReportTests {

    @Test
    void anEditWithErrorsIsReportedAsRefusedWithItsErrorsFirst() {
        var lint = ContentHealthReport.lint(List.of(
                Problem.warning("translations/ar.yaml", 5, "318 machine-made text(s) not yet reviewed by a native speaker"),
                Problem.error("dialogs/jobs.find.yaml", 12, "unknown step 'nowhere'"),
                Problem.warning("dialogs/a.yaml", 3, "few examples")));
        assertTrue(lint.refused());
        assertEquals(1, lint.errors());
        assertEquals(2, lint.warnings());
        assertEquals(List.of("dialogs/jobs.find.yaml:12 error", "dialogs/a.yaml:3 warning", "translations/ar.yaml:5 warning"),
                lint.problems().stream().map(l -> l.path() + ":" + l.line() + " " + l.severity()).toList());
    }

    @Test
    void warningsAloneLeaveTheContentLive() {
        var lint = ContentHealthReport.lint(List.of(Problem.warning("translations/ar.yaml", 5, "machine-made")));
        assertFalse(lint.refused());
        assertEquals(0, lint.errors());
    }
}
