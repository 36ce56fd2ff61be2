package org.lots.helpdesk.dialog.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.lots.helpdesk.cli.Cli;

/**
 * Each folder under {@code broken/} is a small valid content set (content-min) with one thing broken, and the exact
 * {@code path:line: message} lines lint must print for it ({@code ...} at the end of a line: the rest may vary).
 */
class BrokenContentTests {

    static final Path CASES = Path.of("src/test/resources/broken");
    static final Path BASE = Path.of("src/test/resources/content-min");

    @TempDir
    Path temp;

    @Test
    void theMinimalContentIsClean() throws IOException {
        Lint lint = lint(BASE);
        assertEquals(0, lint.exit(), lint.output());
        assertEquals("", lint.output().trim());
    }

    @Test
    void theShippedContentPassesLint() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Cli.lint(Path.of("dialogs"), "dialogs", Path.of("translations"), "translations", new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenCaseIsNamedByPathAndLine() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(CASES)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private void check(Path caseDir) throws IOException {
        Path content = temp.resolve(caseDir.getFileName().toString());
        copy(BASE, content);
        copy(caseDir, content);
        Path remove = caseDir.resolve("remove.txt");
        if (Files.exists(remove)) {
            for (String line : Files.readAllLines(remove)) if (!line.isBlank()) Files.delete(content.resolve(line.trim()));
        }
        Lint lint = lint(content);
        List<String> expected = Files.readAllLines(caseDir.resolve("expected.txt"));
        int exit = Integer.parseInt(expected.get(0).replace("# exit", "").trim());
        assertEquals(exit, lint.exit(), lint.output());
        List<String> lines = lint.output().lines().filter(l -> !l.isBlank()).toList();
        List<String> wanted = expected.subList(1, expected.size()).stream().filter(e -> !e.isBlank()).toList();
        for (String e : wanted) {
            assertTrue(lines.stream().anyMatch(l -> matches(e, l)), "expected line:\n" + e + "\nlint printed:\n" + lint.output());
        }
        // ... and nothing else: a problem lint reports on top of the expected ones is a finding too.
        for (String l : lines) {
            assertTrue(wanted.stream().anyMatch(e -> matches(e, l)), "lint printed a line not in expected.txt:\n" + l
                    + "\nlint printed:\n" + lint.output());
        }
    }

    /** An expected line matches exactly, or by its beginning when it ends in {@code ...}. */
    private static boolean matches(String expected, String line) {
        return expected.endsWith("...") ? line.startsWith(expected.substring(0, expected.length() - 3)) : line.equals(expected);
    }

    record Lint(int exit, String output) {}

    private Lint lint(Path content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Cli.lint(content.resolve("dialogs"), "dialogs", content.resolve("translations"), "translations",
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Lint(exit, out.toString(StandardCharsets.UTF_8));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else if (!p.getFileName().toString().matches("expected\\.txt|remove\\.txt")) Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
