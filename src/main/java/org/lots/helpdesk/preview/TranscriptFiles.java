package org.lots.helpdesk.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.system.HelpdeskProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The golden transcripts ({@code dialogs/tests/*.yaml}) that go through a dialog: what an editor reads to see
 * which conversations about it must keep working. From the content folder, or the copy bundled in the jar.
 */
@Component
class TranscriptFiles {

    static final int MAX_FILES = 30;
    private static final long MAX_BYTES = 256 * 1024;

    /** @param dialogs every dialog a turn of the file expects to be in */
    record File(String path, Set<String> dialogs, String text) {}

    private final Path folder; // null: the copy bundled in the jar

    TranscriptFiles(HelpdeskProperties properties) {
        this.folder = ContentService.locate(properties.contentDir());
    }

    /** Files with a turn in {@code dialog}, one of its sub-dialogs or the dialog it belongs to; exact ones first. */
    List<File> about(String dialog) {
        List<File> out = new ArrayList<>();
        for (var e : read().entrySet()) {
            Set<String> dialogs = dialogs(e.getValue());
            if (dialogs.stream().anyMatch(d -> related(d, dialog))) out.add(new File("dialogs/tests/" + e.getKey(), dialogs, e.getValue()));
        }
        out.sort(Comparator.comparing((File f) -> !f.dialogs().contains(dialog)).thenComparing(File::path));
        return out.size() > MAX_FILES ? out.subList(0, MAX_FILES) : out;
    }

    private static boolean related(String a, String b) {
        return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".");
    }

    @SuppressWarnings("unchecked")
    static Set<String> dialogs(String yaml) {
        Set<String> out = new TreeSet<>();
        try {
            if (!(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml) instanceof Map<?, ?> doc)) return out;
            if (!(doc.get("turns") instanceof List<?> turns)) return out;
            for (Object t : turns) {
                if (t instanceof Map<?, ?> turn && turn.get("expect") instanceof Map<?, ?> expect
                        && expect.get("dialog") instanceof String d) out.add(d);
            }
        } catch (RuntimeException broken) {
            // a broken file fails GoldenTranscriptTests with its reason; here it just matches nothing
        }
        return out;
    }

    /** File name -> text, sorted by name. */
    private Map<String, String> read() {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            if (folder != null) {
                Path tests = folder.resolve("dialogs").resolve("tests");
                if (!Files.isDirectory(tests)) return files;
                try (Stream<Path> s = Files.list(tests)) {
                    for (Path p : s.sorted().toList()) {
                        if (!golden(p.getFileName().toString()) || !Files.isRegularFile(p) || Files.size(p) > MAX_BYTES) continue;
                        try {
                            files.put(p.getFileName().toString(), Files.readString(p));
                        } catch (java.nio.charset.CharacterCodingException notUtf8) {
                            // GoldenTranscriptTests names it; nothing to show here
                        }
                    }
                }
            } else {
                Resource[] rs = new PathMatchingResourcePatternResolver().getResources("classpath*:content/dialogs/tests/*.y*ml");
                List<Resource> sorted = new ArrayList<>(List.of(rs));
                sorted.sort(Comparator.comparing(Resource::getFilename));
                for (Resource r : sorted) {
                    if (golden(r.getFilename()) && r.contentLength() <= MAX_BYTES) files.put(r.getFilename(), r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static boolean golden(String name) {
        return name != null && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
