package org.lots.helpdesk.dialog.script;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.content.ContentFiles;

/**
 * Editors make every kind of mistake. Whatever a content file becomes (lines lost, swapped, indentation broken,
 * stray colons, tabs, quotes, binary), lint answers with problems naming a file and a line, and never throws.
 * Seeded, so a failure can be replayed.
 */
class MangledContentTests {

    static final String[] JUNK = {":", "\t", "- ", "\"", "'", "{", "}", "[", "]", "&a", "*a", "!!binary", "\0", "---", "? ", "|", ">"};

    @Test
    void lintNeverThrowsAndAlwaysNamesAFileAndLine() {
        List<SourceFile> dialogs = ContentFiles.read(Path.of("dialogs"), "dialogs");
        List<SourceFile> translations = ContentFiles.read(Path.of("translations"), "translations");
        Random random = new Random(7);
        int rounds = 120, withProblems = 0, checked = 0;
        for (int round = 0; round < rounds; round++) {
            List<SourceFile> d = new ArrayList<>(dialogs), t = new ArrayList<>(translations);
            List<SourceFile> target = random.nextBoolean() ? d : t;
            int i = random.nextInt(target.size());
            String mangled = target.get(i).path();
            target.set(i, new SourceFile(mangled, mangle(target.get(i).text(), random)));
            ContentLoader.Result r = new ContentLoader("en").load(d, t);
            if (r.problems().stream().anyMatch(p -> p.path().equals(mangled))) withProblems++;
            for (Problem p : r.problems()) {
                checked++;
                assertTrue(p.line() >= 1 && (p.path().startsWith("dialogs/") || p.path().startsWith("translations/")), p.toString());
            }
        }
        // The loop above proves nothing if mangling never produced a problem: most rounds must name the mangled file.
        assertTrue(withProblems >= rounds / 2, withProblems + " of " + rounds + " mangled rounds gave a problem in the mangled file");
    }

    private static String mangle(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (int n = 1 + random.nextInt(4); n > 0 && !lines.isEmpty(); n--) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(5)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.set(at, "  ".repeat(random.nextInt(4)) + lines.get(at).trim());
                case 2 -> lines.set(at, lines.get(at) + JUNK[random.nextInt(JUNK.length)]);
                case 3 -> lines.add(at, lines.get(random.nextInt(lines.size())));
                default -> lines.set(at, JUNK[random.nextInt(JUNK.length)] + lines.get(at));
            }
        }
        return String.join("\n", lines);
    }
}
