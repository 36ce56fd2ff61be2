package org.lots.helpdesk.studio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.dialog.Catalogue;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * {@code translations/<lang>.yaml} as the studio edits it: reads each text with its status and source hash, and
 * sets one text by changing only that entry's scalars (or inserting the entry after its predecessor in the source
 * order). Comments beside a text stay where they are.
 */
final class TranslationFile {

    /** A text as the file has it now; {@code version} is what a client must send back to change it. */
    record Text(String text, String status, String source) {
        String version() {
            return TextVersion.of(text + "\u0000" + status + "\u0000" + source);
        }
    }

    static final String MISSING_VERSION = "missing";

    private final YamlText yaml;
    private final boolean isSource;
    private final MappingNode texts;

    TranslationFile(String text, boolean isSource) {
        this.yaml = new YamlText(text);
        this.isSource = isSource;
        if (!(YamlText.value(yaml.root(), "texts") instanceof MappingNode m)) {
            throw new StudioErrors.Invalid("the file has no 'texts' mapping");
        }
        this.texts = m;
    }

    Map<String, Text> texts() {
        Map<String, Text> out = new LinkedHashMap<>();
        for (NodeTuple t : texts.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) out.putIfAbsent(k.getValue(), read(t.getValueNode()));
        }
        return out;
    }

    private Text read(Node value) {
        String defaultStatus = isSource ? "source" : "machine";
        if (value instanceof ScalarNode s) return new Text(s.getValue(), defaultStatus, null);
        return new Text(scalar(value, "text"), orElse(scalar(value, "status"), defaultStatus), scalar(value, "source"));
    }

    private static String scalar(Node mapping, String key) {
        return YamlText.value(mapping, key) instanceof ScalarNode s ? s.getValue() : null;
    }

    private static String orElse(String s, String other) {
        return s == null ? other : s.trim().toLowerCase();
    }

    /** The version of a key's text now: {@link #MISSING_VERSION} when the file has none. */
    String version(String key) {
        Text t = texts().get(key);
        return t == null ? MISSING_VERSION : t.version();
    }

    /**
     * Sets a text. {@code status} and {@code sourceHash} are written for translations (not for the source language's
     * own file, whose texts have neither). {@code order} is the source language's key order, to place a new entry.
     */
    void set(String key, String text, Catalogue.Status status, String sourceHash, List<String> order) {
        NodeTuple entry = YamlText.tuple(texts, key);
        String nl = yaml.newline();
        if (entry == null) {
            insert(key, text, status, sourceHash, order);
            return;
        }
        Node value = entry.getValueNode();
        if (value instanceof ScalarNode s && (isSource || status == null)) {
            yaml.replace(yaml.start(s), yaml.end(s), YamlText.scalar(text));
            return;
        }
        if (value instanceof ScalarNode s) {
            // short form "key: text" becomes the full form, to carry the status and the source hash
            int indent = yaml.column(entry.getKeyNode()) + 2;
            yaml.replace(yaml.end(entry.getKeyNode()), yaml.end(s), ":" + fields(text, status, sourceHash, indent, nl));
            return;
        }
        if (!(value instanceof MappingNode m)) throw new StudioErrors.Invalid("text '" + key + "' is neither a text nor a mapping");
        NodeTuple textField = YamlText.tuple(m, "text");
        if (textField == null) throw new StudioErrors.Invalid("text '" + key + "' has no 'text' field");
        int indent = yaml.column(textField.getKeyNode());
        yaml.replace(yaml.start(textField.getValueNode()), yaml.end(textField.getValueNode()), YamlText.scalar(text));
        if (isSource || status == null) return;
        int after = yaml.endOfLine(yaml.end(textField.getValueNode()));
        after = field(m, "status", status.name().toLowerCase(), indent, after, nl);
        if (sourceHash != null) field(m, "source", sourceHash, indent, after, nl);
    }

    /** Replaces a field's value, or inserts the field after {@code after}; returns the end of the field's line. */
    private int field(MappingNode m, String name, String value, int indent, int after, String nl) {
        NodeTuple t = YamlText.tuple(m, name);
        if (t != null) {
            yaml.replace(yaml.start(t.getValueNode()), yaml.end(t.getValueNode()), YamlText.scalar(value));
            return yaml.endOfLine(yaml.end(t.getValueNode()));
        }
        yaml.insert(after, nl + " ".repeat(indent) + name + ": " + YamlText.scalar(value));
        return after;
    }

    private static String fields(String text, Catalogue.Status status, String sourceHash, int indent, String nl) {
        String pad = " ".repeat(indent);
        StringBuilder sb = new StringBuilder(nl + pad + "text: " + YamlText.scalar(text));
        if (status != null) sb.append(nl).append(pad).append("status: ").append(status.name().toLowerCase());
        if (sourceHash != null) sb.append(nl).append(pad).append("source: ").append(YamlText.scalar(sourceHash));
        return sb.toString();
    }

    private void insert(String key, String text, Catalogue.Status status, String sourceHash, List<String> order) {
        String nl = yaml.newline();
        int keyIndent = texts.getValue().isEmpty() ? 2 : yaml.column(texts.getValue().get(0).getKeyNode());
        NodeTuple previous = null;
        int index = order.indexOf(key);
        for (int i = index - 1; i >= 0 && previous == null; i--) previous = YamlText.tuple(texts, order.get(i));
        if (previous == null && !texts.getValue().isEmpty() && index < 0) {
            previous = texts.getValue().get(texts.getValue().size() - 1);
        }
        String entry = " ".repeat(keyIndent) + YamlText.scalar(key) + ":"
                + (isSource ? " " + YamlText.scalar(text) : fields(text, status, sourceHash, keyIndent + 2, nl));
        if (previous != null) {
            yaml.insert(yaml.endOfLine(yaml.end(previous.getValueNode())), nl + entry);
        } else if (!texts.getValue().isEmpty()) {
            int first = yaml.start(texts.getValue().get(0).getKeyNode()) - keyIndent;
            yaml.insert(first, entry + nl);
        } else {
            throw new StudioErrors.Invalid("the file has no texts yet: write its first text in the file itself");
        }
    }

    boolean changed() {
        return yaml.changed();
    }

    String result() {
        return yaml.result();
    }
}
