package org.lots.helpdesk.dialog.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.lots.helpdesk.content.ContentFiles;

/**
 * Whatever bytes an editor (or an attacker with write access to the content folder) puts in a dialog file, the
 * reader answers with problems named {@code path:line: message}: never an exception, an Error, or a hang. The
 * timeout is a guard against hangs, not a speed claim.
 */
class DialogReaderFuzzTests {

    static final Duration HANG_GUARD = Duration.ofSeconds(20);
    static final Pattern PROBLEM = Pattern.compile("dialogs/fuzz\\.yaml:\\d+: .+");
    static final String VALID = "spec: 1\nid: fuzz\nsteps:\n  - id: a\n    say: welcome.hello\n";

    @TempDir
    Path temp;

    /** Reads one dialog file beside the minimal content; returns its problems as lint prints them. */
    static List<String> read(String text) {
        ContentLoader.Result r = assertTimeoutPreemptively(HANG_GUARD, () -> new ContentLoader("en").load(
                List.of(new SourceFile("dialogs/fuzz.yaml", text)), List.of()));
        return r.problems().stream().filter(p -> p.path().equals("dialogs/fuzz.yaml")).map(Problem::toString).toList();
    }

    static void refused(String text, String expected) {
        List<String> problems = read(text);
        assertFalse(problems.isEmpty(), "no problem reported");
        problems.forEach(p -> assertTrue(PROBLEM.matcher(p).matches(), p));
        if (expected != null) assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), expected + " not in " + problems);
    }

    @TestFactory
    Stream<DynamicTest> randomBytesGetAProblemWithALine() {
        return IntStream.range(0, 40).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Random random = new Random(seed);
            byte[] bytes = new byte[random.nextInt(20_000)];
            random.nextBytes(bytes);
            // Strictly decoded as the loader does: most random bytes are not UTF-8 at all.
            String text = decode(bytes);
            List<String> problems = read(text);
            problems.forEach(p -> assertTrue(PROBLEM.matcher(p).matches(), p));
        }));
    }

    @TestFactory
    Stream<DynamicTest> randomYamlPunctuationGetsAProblemWithALine() {
        String[] pieces = {"[", "]", "{", "}", ":", "- ", "&a ", "*a", "!!map ", "!x ", "\"", "'", "\n", "\n  ", "  ", "? ",
                "|", ">", "#", ",", "key", "id", "steps", "say", "%YAML 1.1\n", "---\n", "...\n", "<<: ", "\t", "\u0085", "\uFEFF"};
        return IntStream.range(0, 60).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Random random = new Random(1000 + seed);
            StringBuilder sb = new StringBuilder(VALID);
            for (int i = random.nextInt(3000); i > 0; i--) sb.append(pieces[random.nextInt(pieces.length)]);
            read(sb.toString()).forEach(p -> assertTrue(PROBLEM.matcher(p).matches(), p));
        }));
    }

    @Test
    void aBillionLaughsIsRefusedAtItsFirstAlias() {
        StringBuilder sb = new StringBuilder("spec: 1\nid: fuzz\na0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i <= 9; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) sb.append(j == 0 ? "" : ",").append("*a").append(i - 1);
            sb.append("]\n");
        }
        refused(sb.toString(), "dialogs/fuzz.yaml:4: alias '*a0' is not allowed");
    }

    @Test
    void aNodeInsideItselfIsRefused() {
        refused("spec: 1\nid: fuzz\nsteps: &s [*s]\n", "dialogs/fuzz.yaml:3: alias '*s' is not allowed");
        refused("spec: 1\nid: fuzz\n&k [*k]: 1\n", "alias '*k' is not allowed");
    }

    @Test
    void deepNestingIsRefusedWithItsLine() {
        refused(VALID + "x: " + "[".repeat(200_000) + "\n", "dialogs/fuzz.yaml:6: nested deeper than 40 levels");
        refused(VALID + "x: " + "{a: ".repeat(50_000) + "\n", "nested deeper than 40 levels");
        StringBuilder block = new StringBuilder(VALID + "x:\n");
        for (int i = 1; i <= 500; i++) block.append("  ".repeat(i)).append("k").append(i).append(":\n");
        refused(block.toString(), "nested deeper than 40 levels");
        StringBuilder dashes = new StringBuilder(VALID + "y:\n");
        for (int i = 1; i <= 500; i++) dashes.append("  ".repeat(i)).append("-\n");
        refused(dashes.toString(), "nested deeper than 40 levels");
    }

    @Test
    void aHugeFileIsRefusedAndALargeOneIsRead() {
        refused(VALID + "x: \"" + "a".repeat(SourceFile.MAX_CHARS) + "\"\n", "dialogs/fuzz.yaml:1: file too large");
        // Just under the limit: many valid keys, read to the end and reported like any other file.
        StringBuilder large = new StringBuilder(VALID);
        for (int i = 0; large.length() < SourceFile.MAX_CHARS - 100; i++) large.append("k").append(i).append(": v\n");
        List<String> problems = read(large.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("unknown key 'k0'")), problems.stream().limit(3).toList().toString());
    }

    @Test
    void aFileFarTooLargeIsNotEvenRead() throws IOException {
        Path dialogs = Files.createDirectories(temp.resolve("dialogs"));
        try (var out = Files.newOutputStream(dialogs.resolve("fuzz.yaml"))) {
            byte[] block = "k: v\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written <= 4L * SourceFile.MAX_CHARS; written += block.length) out.write(block);
        }
        List<SourceFile> files = ContentFiles.read(dialogs, "dialogs");
        assertEquals(1, files.size());
        assertTrue(files.get(0).tooLarge());
        assertEquals(List.of("dialogs/fuzz.yaml:1: file too large (a content file may have at most " + SourceFile.MAX_CHARS + " characters)"),
                new ContentLoader("en").load(files, List.of()).problems().stream().filter(p -> p.path().equals("dialogs/fuzz.yaml"))
                        .map(Problem::toString).toList());
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return "\0not UTF-8";
        }
    }
}
