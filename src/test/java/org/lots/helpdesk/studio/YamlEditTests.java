package org.lots.helpdesk.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.dialog.Catalogue;

/** An edit changes the lines of its node and nothing else of the file: comments, quoting, order stay. */
class YamlEditTests {

    /** The lines of {@code a} and {@code b} that differ, as "-old" / "+new" (files of the same length but a few lines). */
    static List<String> diff(String a, String b) {
        List<String> x = List.of(a.split("\n", -1)), y = List.of(b.split("\n", -1));
        int start = 0;
        while (start < x.size() && start < y.size() && x.get(start).equals(y.get(start))) start++;
        int ex = x.size(), ey = y.size();
        while (ex > start && ey > start && x.get(ex - 1).equals(y.get(ey - 1))) { ex--; ey--; }
        List<String> out = new ArrayList<>();
        for (int i = start; i < ex; i++) out.add("-" + x.get(i));
        for (int i = start; i < ey; i++) out.add("+" + y.get(i));
        return out;
    }

    @Test
    void aReviewedSwedishTextChangesOnlyItsOwnLines() throws IOException {
        String sv = Files.readString(Path.of("translations/sv.yaml"));
        TranslationFile f = new TranslationFile(sv, false);
        f.set("system.clarify", "Menar du något av det här?", Catalogue.Status.REVIEWED, "917b7a49", List.of());
        assertEquals(List.of("-    text: Menade du något av de här?", "-    status: machine",
                "+    text: Menar du något av det här?", "+    status: reviewed"), diff(sv, f.result()));
    }

    @Test
    void textsNeedingQuotesAndLineBreaksReadBackTheSame() throws IOException {
        String sv = Files.readString(Path.of("translations/sv.yaml"));
        for (String text : List.of("Välj: ditt språk", "'citat' och \"dubbla\"", "rad ett\nrad två", "# inte en kommentar", "12345678", "{max} tecken")) {
            TranslationFile f = new TranslationFile(sv, false);
            f.set("system.clarify", text, Catalogue.Status.MACHINE, "917b7a49", List.of());
            assertEquals(text, new TranslationFile(f.result(), false).texts().get("system.clarify").text());
            assertEquals(2, diff(sv, f.result()).size(), text);
        }
    }

    @Test
    void aMissingTextIsInsertedAfterItsPredecessorInSourceOrder() {
        String file = "language: sv\ntexts:\n  a:\n    text: A # kept\n    status: machine\n  c: C\n";
        TranslationFile f = new TranslationFile(file, false);
        f.set("b", "B", Catalogue.Status.REVIEWED, "12ab34cd", List.of("a", "b", "c"));
        assertEquals("language: sv\ntexts:\n  a:\n    text: A # kept\n    status: machine\n  b:\n    text: B\n    status: reviewed\n"
                + "    source: 12ab34cd\n  c: C\n", f.result());
    }

    @Test
    void aShortFormTextGetsItsStatusAndCommentsBesideTextsStay() {
        String file = "texts:\n  # a comment\n  a: \"A\"   # why\n  b:\n    text: B  # source: https://www.example.org\n";
        TranslationFile f = new TranslationFile(file, false);
        f.set("b", "BB", Catalogue.Status.REVIEWED, "00000000", List.of());
        assertEquals("texts:\n  # a comment\n  a: \"A\"   # why\n  b:\n    text: BB  # source: https://www.example.org\n"
                + "    status: reviewed\n    source: '00000000'\n", f.result());
    }

    @Test
    void anExampleAddedToAFlowListStaysOnItsLine() throws IOException {
        String dialog = Files.readString(Path.of("dialogs/jobs.cv.yaml"));
        DialogFile d = new DialogFile(dialog);
        List<String> sv = new ArrayList<>(d.examples("sv"));
        sv.add("hjälp med \"cv\" tack");
        d.setExamples("sv", sv);
        List<String> changed = diff(dialog, d.result());
        assertEquals(2, changed.size());
        assertTrue(changed.get(1).endsWith(", \"hjälp med \\\"cv\\\" tack\"]"), changed.get(1));
        assertEquals(sv, new DialogFile(d.result()).examples("sv"));
    }

    @Test
    void blockListsStayBlockLists() {
        String dialog = "id: x\nexamples:\n  en:\n    - one   # first\n    - two\n  sv: [\"ett\"]\nsteps: []\n";
        DialogFile d = new DialogFile(dialog);
        d.setExamples("en", List.of("one", "three"));
        d.setExamples("de", List.of("eins"));
        assertEquals("id: x\nexamples:\n  en:\n    - \"one\"\n    - \"three\"\n  sv: [\"ett\"]\n  de: [\"eins\"]\nsteps: []\n", d.result());
    }
}
