package org.lots.helpdesk.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The engine, the dialog model, language and i18n form a pure core: anyone can read them without knowing how
 * messages travel or where they are stored. They import nothing from Spring, Telegram, MongoDB or servlets.
 */
class CoreBoundaryTests {

    static final List<String> CORE = List.of("engine", "dialog", "language", "i18n");
    static final List<String> FORBIDDEN = List.of("org.springframework", "org.telegram", "com.mongodb", "org.bson",
            "jakarta.servlet", "de.bwaldvogel", "org.lots.helpdesk.conversation", "org.lots.helpdesk.channel",
            "org.lots.helpdesk.store", "org.lots.helpdesk.system", "org.lots.helpdesk.handoff", "org.lots.helpdesk.users",
            "org.lots.helpdesk.console", "org.lots.helpdesk.preview", "org.lots.helpdesk.unanswered",
            "org.lots.helpdesk.translator", "org.lots.helpdesk.content", "org.lots.helpdesk.cli");

    @Test
    void theCoreImportsNoFrameworkOrAdapter() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String pkg : CORE) {
            Path dir = Path.of("src/main/java/org/lots/helpdesk", pkg);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).trim();
                        for (String bad : FORBIDDEN) {
                            if ((line.startsWith("import " + bad) || line.startsWith("import static " + bad)) || line.contains(" " + bad + ".")) {
                                violations.add(f + ":" + (i + 1) + ": " + line);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
