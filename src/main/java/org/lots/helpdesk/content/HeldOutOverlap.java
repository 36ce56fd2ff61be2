package org.lots.helpdesk.content;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.lots.helpdesk.language.TextNormalizer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds phrases that appear on both sides of the held-out wall: in a dialog's {@code examples:} and in an
 * {@code eval/*.tsv} file, or in two eval files. Two phrases overlap when their matching keys
 * ({@link TextNormalizer#key}: case, diacritics, Arabic/Persian letter forms, digits and punctuation folded) are
 * equal (in any two languages: "sfi" is "sfi" everywhere), or, within one language, nearly so: character-trigram Jaccard of at least {@value #MIN_JACCARD}, or at most {@value #MAX_EDITS}
 * edits apart when both keys have at least {@value #MIN_EDIT_LENGTH} characters (below that, two edits turn one
 * word into another: "hej" and "hi" are different phrases). Used by HeldOutOverlapTests over the whole content,
 * and by the studio before it adds an example phrase.
 */
public final class HeldOutOverlap {

    static final double MIN_JACCARD = 0.8;
    static final int MAX_EDITS = 2;
    static final int MIN_EDIT_LENGTH = 6;

    /** One phrase with where it was written. */
    public record Phrase(String file, int line, String language, String text, String key, long[] trigrams) {
        public static Phrase of(String file, int line, String language, String text) {
            String key = TextNormalizer.key(text);
            return new Phrase(file, line, language, text, key, trigramsOf(key));
        }

        public String where() {
            return file + ":" + line;
        }
    }

    public record Overlap(Phrase a, Phrase b, String why) {
        @Override
        public String toString() {
            return a.where() + " \"" + a.text() + "\" ~ " + b.where() + " \"" + b.text() + "\" (" + why + ")";
        }
    }

    private HeldOutOverlap() {}

    /**
     * Every example phrase of every dialog file under {@code dialogs/} (not the golden transcripts beneath it), read
     * with SnakeYAML's node graph for the lines.
     */
    static List<Phrase> examples(Path dialogs) throws IOException {
        List<Phrase> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dialogs)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Node root;
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    root = new Yaml(new LoaderOptions()).compose(r);
                }
                if (!(value(root, "examples") instanceof MappingNode ex)) continue;
                for (NodeTuple lang : ex.getValue()) {
                    if (!(lang.getValueNode() instanceof SequenceNode seq) || !(lang.getKeyNode() instanceof ScalarNode code)) continue;
                    for (Node item : seq.getValue()) {
                        if (item instanceof ScalarNode s) {
                            out.add(Phrase.of("dialogs/" + f.getFileName(), s.getStartMark().getLine() + 1, code.getValue(), s.getValue()));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The value under a key of a YAML mapping node, or null (also used by the tests that read choices). */
    static Node value(Node mapping, String key) {
        if (!(mapping instanceof MappingNode m)) return null;
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return t.getValueNode();
        }
        return null;
    }

    /** Every question of one eval file ({@code language<TAB>expected<TAB>text}). */
    public static List<Phrase> questions(Path tsv) throws IOException {
        List<Phrase> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", 3);
            if (f.length < 3 || lines.get(i).startsWith("#") || (i == 0 && f[0].equals("language"))) continue;
            out.add(Phrase.of("eval/" + tsv.getFileName(), i + 1, f[0].trim(), f[2]));
        }
        return out;
    }

    public static List<Path> evalFiles(Path eval) throws IOException {
        try (Stream<Path> files = Files.list(eval)) {
            return files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
    }

    /** Each pair of {@code left} and {@code right} that overlap (left is the eval side or the earlier file). */
    public static List<Overlap> between(List<Phrase> left, List<Phrase> right) {
        List<Overlap> out = new ArrayList<>();
        for (Phrase a : left) {
            for (Phrase b : right) {
                String why = why(a, b);
                if (why != null) out.add(new Overlap(a, b, why));
            }
        }
        return out;
    }

    public static String why(Phrase a, Phrase b) {
        if (a.key().isEmpty() || b.key().isEmpty()) return null;
        if (a.key().equals(b.key())) return "same after normalisation";
        if (!a.language().equals(b.language())) return null; // привет/привіт, merhaba/marhaba: different words
        int la = a.key().length(), lb = b.key().length();
        if (Math.min(la, lb) >= MIN_EDIT_LENGTH && Math.abs(la - lb) <= MAX_EDITS && edits(a.key(), b.key(), MAX_EDITS) <= MAX_EDITS) {
            return "edit distance <= " + MAX_EDITS;
        }
        int na = a.trigrams().length, nb = b.trigrams().length;
        if (Math.min(na, nb) < MIN_JACCARD * Math.max(na, nb)) return null;
        double j = jaccard(a.trigrams(), b.trigrams());
        return j >= MIN_JACCARD ? String.format("trigram Jaccard %.2f", j) : null;
    }

    /** The distinct character trigrams of " key " as sorted code-point triples. */
    static long[] trigramsOf(String key) {
        int[] cp = (" " + key + " ").codePoints().toArray();
        if (cp.length < 3) return new long[0];
        long[] grams = new long[cp.length - 2];
        for (int i = 0; i + 2 < cp.length; i++) grams[i] = ((long) cp[i] << 42) | ((long) cp[i + 1] << 21) | cp[i + 2];
        return Arrays.stream(grams).distinct().sorted().toArray();
    }

    static double jaccard(long[] a, long[] b) {
        int i = 0, j = 0, common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) i++;
            else j++;
        }
        int union = a.length + b.length - common;
        return union == 0 ? 0 : (double) common / union;
    }

    /** Levenshtein distance over code points, or {@code max + 1} as soon as it must exceed {@code max}. */
    static int edits(String s, String t, int max) {
        int[] a = s.codePoints().toArray(), b = t.codePoints().toArray();
        int[] prev = new int[b.length + 1], cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) prev[j] = j;
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) return max + 1;
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length];
    }
}
