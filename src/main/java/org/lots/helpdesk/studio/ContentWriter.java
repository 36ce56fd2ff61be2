package org.lots.helpdesk.studio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.lots.helpdesk.content.ContentFiles;
import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.dialog.script.ContentLoader;
import org.lots.helpdesk.dialog.script.Problem;
import org.lots.helpdesk.dialog.script.SourceFile;
import org.lots.helpdesk.system.HelpdeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one way the studio changes a content file: the edit is made on the file's current text, the whole content is
 * linted with it BEFORE anything is written, then the file is replaced atomically (a temporary file beside it,
 * flushed, moved over it), the version before and after kept in {@link ContentHistory}. The hot reload of
 * {@link ContentService} then takes it live. Saves to one folder are serialised, so that each edit starts from
 * what the last one wrote.
 */
@Service
class ContentWriter {

    private static final Logger log = LoggerFactory.getLogger(ContentWriter.class);

    private final ContentService content;
    private final ContentHistory history;
    private final Clock clock;
    private final String fallbackLanguage;
    private final boolean writable;

    ContentWriter(ContentService content, ContentHistory history, Clock clock, HelpdeskProperties properties,
                  @Value("${helpdesk.studio.writable:true}") boolean writable) {
        this.content = content;
        this.history = history;
        this.clock = clock;
        this.fallbackLanguage = properties.fallbackLanguage();
        this.writable = writable;
    }

    record Written(String file, String version, boolean changed) {}

    String fallbackFile() {
        return "translations/" + fallbackLanguage + ".yaml";
    }

    /** Why the studio cannot write, or empty when it can. */
    Optional<String> readOnlyReason() {
        Optional<Path> folder = content.folder();
        if (folder.isEmpty()) return Optional.of("the content is the copy bundled in the jar; set helpdesk.content-dir to a writable folder to edit it here");
        if (!writable) return Optional.of("the studio is set not to write (helpdesk.studio.writable=false)");
        for (String kind : List.of("dialogs", "translations")) {
            if (!Files.isWritable(folder.get().resolve(kind))) {
                return Optional.of("the content folder " + folder.get().resolve(kind) + " is read-only (mounted read-only?)");
            }
        }
        return Optional.empty();
    }

    /** The file's text as it is now, from the content folder or the jar. */
    String read(String file) {
        checkName(file);
        try {
            if (content.folder().isPresent()) {
                Path p = content.folder().get().resolve(file);
                if (!Files.isRegularFile(p) || Files.size(p) > SourceFile.MAX_CHARS) throw new StudioErrors.NotFound("no content file " + file);
                return Files.readString(p, StandardCharsets.UTF_8);
            }
            var resource = new org.springframework.core.io.ClassPathResource("content/" + file);
            if (!resource.exists()) throw new StudioErrors.NotFound("no content file " + file);
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<SourceFile> files(String kind) {
        return content.folder().map(f -> ContentFiles.read(f.resolve(kind), kind)).orElseGet(() -> ContentService.bundled(kind));
    }

    static void checkName(String file) {
        if (file == null || !file.matches("(dialogs|translations)/[A-Za-z0-9_][A-Za-z0-9._-]{0,100}\\.yaml")) {
            throw new StudioErrors.NotFound("no content file " + file);
        }
    }

    /**
     * Changes one file. {@code edit} gets the current text and returns the new one (it may throw {@link
     * StudioErrors.Stale} when the client's version is old). Throws Invalid when lint finds a new error, ReadOnly
     * (with the changed file) when the folder cannot be written.
     */
    synchronized Written write(String user, String file, UnaryOperator<String> edit, String summary) {
        String before = read(file);
        String after = edit.apply(before);
        if (after.equals(before)) return new Written(file, TextVersion.of(before), false);
        List<String> errors = newErrors(file, before, after);
        if (!errors.isEmpty()) throw new StudioErrors.Invalid("the change would break the content; nothing was written", errors);
        Optional<String> readOnly = readOnlyReason();
        if (readOnly.isPresent()) throw new StudioErrors.ReadOnly(readOnly.get(), file, after);
        Path target = content.folder().orElseThrow().resolve(file);
        history.record(file, before, ContentHistory.ON_DISK, clock.instant(), "as the studio found it");
        try {
            replaceAtomically(target, after);
        } catch (AccessDeniedException e) {
            throw new StudioErrors.ReadOnly("the content file " + file + " cannot be written (" + e.getClass().getSimpleName() + ")", file, after);
        } catch (FileSystemException e) {
            throw new StudioErrors.ReadOnly("the content folder cannot be written: " + e.getReason(), file, after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        history.record(file, after, user, clock.instant(), summary);
        log.info("Studio: {} changed {} ({})", user, file, TextVersion.of(after));
        return new Written(file, TextVersion.of(after), true);
    }

    private static void replaceAtomically(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            PosixFileAttributeView posix = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (posix != null && Files.exists(target)) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target)); // as git checked it out
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Lint errors the new text brings (errors the content had before are not the editor's to answer for). */
    private List<String> newErrors(String file, String before, String after) {
        return newProblems(file, before, after).stream().map(Problem::toString).toList();
    }

    List<Problem> newProblems(String file, String before, String after) {
        List<Problem> now = lint(file, after);
        if (now.isEmpty()) return List.of();
        Set<String> old = new HashSet<>();
        for (Problem p : lint(file, before)) old.add(p.path() + " " + p.message());
        List<Problem> out = new ArrayList<>();
        for (Problem p : now) if (!old.contains(p.path() + " " + p.message())) out.add(p);
        return out;
    }

    /** The same checks as {@code lint dialogs translations}, with one file's text replaced. */
    List<Problem> lint(String file, String text) {
        List<SourceFile> dialogs = substitute(files("dialogs"), file, text);
        List<SourceFile> translations = substitute(files("translations"), file, text);
        return new ContentLoader(fallbackLanguage).load(dialogs, translations).errors();
    }

    private static List<SourceFile> substitute(List<SourceFile> files, String file, String text) {
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : files) out.add(f.path().equals(file) ? new SourceFile(file, text) : f);
        return out;
    }
}
