package org.lots.helpdesk.studio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.lots.helpdesk.system.HelpdeskProperties;
import org.springframework.stereotype.Component;

/**
 * Every version of a content file the studio wrote, and the version it found before, with who and when: under
 * {@code <data-dir>/studio-history/}, outside the content folder so that git never sees it. One folder per file:
 * {@code index.tsv} (id, time, user, what changed) and one {@code <id>.yaml} per version.
 */
@Component
class ContentHistory {

    /** Who "wrote" a version the studio found on disk (a git pull, an edit in a text editor). */
    static final String ON_DISK = "(on disk)";

    record Version(String id, Instant at, String user, String summary) {}

    private final Path dir;

    ContentHistory(HelpdeskProperties properties) {
        this.dir = Path.of(properties.dataDir(), "studio-history");
    }

    private Path folder(String file) {
        return dir.resolve(file.replace('/', '_'));
    }

    synchronized List<Version> list(String file) {
        Path index = folder(file).resolve("index.tsv");
        List<Version> out = new ArrayList<>();
        if (!Files.isRegularFile(index)) return out;
        try {
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 4);
                if (f.length == 4) out.add(new Version(f[0], Instant.parse(f[1]), f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.reverse(out);
        return out;
    }

    synchronized Optional<String> read(String file, String id) {
        if (id == null || !id.matches("[0-9a-f-]{1,40}")) return Optional.empty();
        Path p = folder(file).resolve(id + ".yaml");
        try {
            return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps {@code text} as the file's newest version unless it already is (same content). */
    synchronized void record(String file, String text, String user, Instant at, String summary) {
        List<Version> versions = list(file);
        String hash = TextVersion.of(text);
        if (!versions.isEmpty() && versions.get(0).id().endsWith("-" + hash)) return;
        String id = String.format("%013x-%s", at.toEpochMilli(), hash);
        try {
            Path folder = Files.createDirectories(folder(file));
            Path tmp = Files.createTempFile(folder, "version", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, folder.resolve(id + ".yaml"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            String line = id + "\t" + at + "\t" + user + "\t" + summary.replaceAll("[\\t\\r\\n]+", " ") + "\n";
            Files.writeString(folder.resolve("index.tsv"), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
