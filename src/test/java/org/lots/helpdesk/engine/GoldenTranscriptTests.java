package org.lots.helpdesk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden transcript in {@code dialogs/tests/} against the shipped content: what the newcomer sends,
 * what the bot must answer. Adding a case is adding a file; see dialogs/tests/README.md for the format.
 */
class GoldenTranscriptTests {

    static final Path FOLDER = Path.of("dialogs/tests");

    static boolean isTranscript(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(FOLDER)) {
            files = s.filter(GoldenTranscriptTests::isTranscript).sorted().toList();
        }
        assertTrue(files.size() > 0, "no transcripts in " + FOLDER);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> GoldenTranscript.run(f)));
    }

    /** A transcript saved as .txt or .yaml.bak would never run: say so instead of skipping it silently. */
    @Test
    void theFolderHoldsOnlyTranscriptsAndItsReadme() throws IOException {
        try (Stream<Path> s = Files.list(FOLDER)) {
            List<String> strays = s.filter(p -> !isTranscript(p) && !p.getFileName().toString().equals("README.md"))
                    .map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of(), strays, "files in " + FOLDER + " that are not run (name them .yaml or .yml)");
        }
    }
}
