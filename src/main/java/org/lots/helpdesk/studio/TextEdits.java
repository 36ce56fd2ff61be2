package org.lots.helpdesk.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.dialog.Catalogue;

/**
 * Texts to set in one language's file in one write (a review save, an XLIFF import). Each may carry the version the
 * client edited: a text that changed since is refused with 409 and nothing is written. After the edit the file is
 * read back; a text that would not read back exactly as sent is never written.
 */
final class TextEdits {

    private record Put(String key, String text, Catalogue.Status status, String sourceHash, String version) {}

    private final ContentWriter writer;
    private final String file;
    private final boolean isSource;
    private final List<Put> puts = new ArrayList<>();

    TextEdits(ContentWriter writer, String language, boolean isSource) {
        this.writer = writer;
        this.file = "translations/" + language + ".yaml";
        this.isSource = isSource;
    }

    /** @param version the version the client edited, or null for no check */
    void put(String key, String text, Catalogue.Status status, String sourceHash, String version) {
        puts.add(new Put(key, text, status, sourceHash, version));
    }

    boolean isEmpty() {
        return puts.isEmpty();
    }

    String file() {
        return file;
    }

    ContentWriter.Written write(String user, String summary) {
        return writer.write(user, file, this::apply, summary);
    }

    /** The file's text with every put made; Stale when a put's version is not the text's now. */
    String apply(String current) {
        TranslationFile f = new TranslationFile(current, isSource);
        Map<String, TranslationFile.Text> now = f.texts();
        List<String> order = new ArrayList<>(new TranslationFile(writer.read(writer.fallbackFile()), true).texts().keySet());
        for (Put p : puts) {
            TranslationFile.Text t = now.get(p.key());
            String version = t == null ? TranslationFile.MISSING_VERSION : t.version();
            if (p.version() != null && !p.version().equals(version)) {
                Map<String, Object> there = new LinkedHashMap<>();
                there.put("key", p.key());
                there.put("text", t == null ? null : t.text());
                there.put("status", t == null ? "missing" : t.status());
                there.put("version", version);
                throw new StudioErrors.Stale("'" + p.key() + "' was changed by someone else since you opened it; nothing was written", there);
            }
            f.set(p.key(), p.text(), p.status(), p.sourceHash(), order);
        }
        String result = f.result();
        Map<String, TranslationFile.Text> after = new TranslationFile(result, isSource).texts();
        for (Put p : puts) {
            TranslationFile.Text t = after.get(p.key());
            if (t == null || !p.text().equals(t.text()) || (p.status() != null && !p.status().name().equalsIgnoreCase(t.status()))) {
                throw new IllegalStateException("the edit of '" + p.key() + "' did not read back as written");
            }
        }
        return result;
    }
}
