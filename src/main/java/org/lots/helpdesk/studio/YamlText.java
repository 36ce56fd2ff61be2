package org.lots.helpdesk.studio;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.lots.helpdesk.dialog.script.YamlNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One YAML file's text with SnakeYAML's node graph over it, and a list of replacements of character ranges. An edit
 * touches only the characters of the nodes it changes (a scalar, a sequence, one entry), so that comments, quoting,
 * order and blank lines of the rest of the file stay exactly as the editor or git left them.
 */
final class YamlText {

    private final String text;
    private final int[] charAt; // code point index (SnakeYAML's marks) -> char index
    private final Node root;
    private final List<Replacement> replacements = new ArrayList<>();

    private record Replacement(int from, int to, String with) {}

    YamlText(String text) {
        this.text = text;
        YamlNode.parse(text); // refuses aliases and nesting bombs first, as the content loader does
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(0);
        this.root = new Yaml(options).compose(new StringReader(text));
        int[] map = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) map[cp++] = i;
        map[cp] = text.length();
        this.charAt = map;
    }

    Node root() {
        return root;
    }

    String text() {
        return text;
    }

    int offset(Mark m) {
        return charAt[m.getIndex()];
    }

    int start(Node n) {
        return offset(n.getStartMark());
    }

    /** Where the node ends, without the line breaks a block scalar or block collection swallows after it. */
    int end(Node n) {
        int end = offset(n.getEndMark());
        int start = start(n);
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r' || text.charAt(end - 1) == ' ')) end--;
        return end;
    }

    /** The end of the line the offset is on (before its line break): where a new line may be inserted after. */
    int endOfLine(int offset) {
        int nl = text.indexOf('\n', offset);
        if (nl < 0) return text.length();
        return nl > 0 && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
    }

    int column(Node n) {
        return n.getStartMark().getColumn();
    }

    String slice(int from, int to) {
        return text.substring(from, to);
    }

    void replace(int from, int to, String with) {
        replacements.add(new Replacement(from, to, with));
    }

    void insert(int at, String with) {
        replace(at, at, with);
    }

    boolean changed() {
        return !replacements.isEmpty();
    }

    /** The text with every replacement made (they never overlap: each edit owns its node). */
    String result() {
        List<Replacement> sorted = new ArrayList<>(replacements);
        sorted.sort(Comparator.comparingInt(Replacement::from).thenComparingInt(Replacement::to));
        StringBuilder out = new StringBuilder(text.length() + 256);
        int at = 0;
        for (Replacement r : sorted) {
            if (r.from() < at) throw new IllegalStateException("overlapping edits");
            out.append(text, at, r.from()).append(r.with());
            at = r.to();
        }
        return out.append(text, at, text.length()).toString();
    }

    static NodeTuple tuple(Node mapping, String key) {
        if (!(mapping instanceof MappingNode m)) return null;
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return t;
        }
        return null;
    }

    static Node value(Node mapping, String key) {
        NodeTuple t = tuple(mapping, key);
        return t == null ? null : t.getValueNode();
    }

    /** The file's own line break. */
    String newline() {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    private static final Yaml DUMPER;
    static {
        DumperOptions o = new DumperOptions();
        o.setSplitLines(false);
        o.setWidth(Integer.MAX_VALUE / 2);
        o.setAllowUnicode(true);
        o.setDefaultScalarStyle(DumperOptions.ScalarStyle.PLAIN);
        DUMPER = new Yaml(o);
    }

    /**
     * A scalar on one line, styled as SnakeYAML writes it (plain where that reads back the same, else quoted), so a
     * new text looks like its neighbours; a text with line breaks or control characters is double-quoted with escapes.
     */
    static String scalar(String value) {
        boolean special = value.codePoints().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff);
        if (!special) {
            String dumped = DUMPER.dump(value);
            if (dumped.endsWith("\n")) dumped = dumped.substring(0, dumped.length() - 1);
            if (!dumped.contains("\n") && !dumped.startsWith("|") && !dumped.startsWith(">") && !dumped.startsWith("!")) return dumped;
        }
        return quoted(value);
    }

    /** A double-quoted YAML scalar: the JSON escapes (which YAML reads the same), other characters as they are. */
    static String quoted(String value) {
        StringBuilder sb = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) sb.append(String.format("\\u%04x", c));
                    else sb.appendCodePoint(c);
                }
            }
        });
        return sb.append('"').toString();
    }
}
