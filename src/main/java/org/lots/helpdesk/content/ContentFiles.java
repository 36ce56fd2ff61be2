package org.lots.helpdesk.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.lots.helpdesk.dialog.script.SourceFile;

/** Reads the YAML files of a content folder, naming each as the editor would ({@code dialogs/welcome.yaml}). */
public final class ContentFiles {

    private ContentFiles() {}

    /** @param shownAs the folder's name in messages */
    public static List<SourceFile> read(Path folder, String shownAs) {
        List<SourceFile> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) return files;
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!Files.isRegularFile(p) || !(name.endsWith(".yaml") || name.endsWith(".yml"))) continue;
                // Not read at all when far too large: a huge file must not fill the memory of the lint or the watcher.
                if (Files.size(p) > 4L * SourceFile.MAX_CHARS) files.add(SourceFile.tooLarge(shownAs + "/" + name));
                else files.add(new SourceFile(shownAs + "/" + name, decode(Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Strict UTF-8: a file in another encoding is reported, not silently garbled. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "\0not UTF-8";
        }
    }

    /** Loads and checks the content of a folder holding {@code dialogs/} and {@code translations/}. */
    public static org.lots.helpdesk.dialog.script.ContentLoader.Result load(Path folder, String fallbackLanguage) {
        return new org.lots.helpdesk.dialog.script.ContentLoader(fallbackLanguage).load(
                read(folder.resolve("dialogs"), "dialogs"), read(folder.resolve("translations"), "translations"));
    }

    /** A cheap fingerprint of a folder's files (names, sizes, times) to notice edits. */
    public static String fingerprint(Path... folders) {
        StringBuilder sb = new StringBuilder();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) continue;
            try (Stream<Path> s = Files.list(folder)) {
                for (Path p : s.sorted().toList()) {
                    sb.append(p.getFileName()).append(':').append(Files.size(p)).append(':')
                            .append(Files.getLastModifiedTime(p).toMillis()).append(';');
                }
            } catch (IOException e) {
                sb.append("error;");
            }
        }
        return sb.toString();
    }
}
