package org.lots.helpdesk.dialog.script;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML value that remembers its line, so that every problem can be reported as {@code path:line}.
 * Built from SnakeYAML's node graph (not its object mapping, which forgets lines).
 */
public sealed interface YamlNode {
    int line();

    record Scalar(String value, int line) implements YamlNode {}

    record Sequence(List<YamlNode> items, int line) implements YamlNode {}

    /** Keys keep their own lines; a key written twice is recorded in {@code duplicates}. */
    record Mapping(Map<String, YamlNode> entries, Map<String, Integer> keyLines, List<Scalar> duplicates, int line)
            implements YamlNode {
        public YamlNode get(String key) {
            return entries.get(key);
        }

        public String text(String key) {
            return entries.get(key) instanceof Scalar s ? s.value() : null;
        }

        public int lineOf(String key) {
            return keyLines.getOrDefault(key, line);
        }
    }

    /** Deeper than any content needs (dialogs nest about six levels); refused with the line where it goes deeper. */
    int MAX_DEPTH = 40;

    /** Content this reader refuses on purpose, at a line. */
    final class Refused extends RuntimeException {
        private final int line;

        Refused(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * Parses one YAML document; throws SnakeYAML's MarkedYAMLException (with a line) on bad syntax, and
     * {@link Refused} for an alias or too deep nesting. Content never needs aliases ({@code *name}): refusing them
     * before the document is composed ends alias bombs (a few lines that expand to billions of nodes) and
     * self-references (a node inside itself, which would recurse for ever) where they start.
     */
    static YamlNode parse(String text) {
        LoaderOptions options = options();
        int depth = 0;
        for (Event e : new Yaml(options).parse(new StringReader(text))) {
            if (e instanceof AliasEvent a) {
                throw new Refused(line(e), "alias '*" + a.getAnchor() + "' is not allowed in content files (write the value out)");
            }
            if (e instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
                throw new Refused(line(e), "nested deeper than " + MAX_DEPTH + " levels");
            }
            if (e instanceof CollectionEndEvent) depth--;
        }
        Node root = new Yaml(options).compose(new StringReader(text));
        return root == null ? new Mapping(Map.of(), Map.of(), List.of(), 1) : convert(root, 0);
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported as problems instead, with both lines
        options.setCodePointLimit(SourceFile.MAX_CHARS + 1024);
        options.setMaxAliasesForCollections(0); // backstops of the checks above
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH + 10);
        return options;
    }

    private static int line(Event e) {
        return e.getStartMark() == null ? 1 : e.getStartMark().getLine() + 1;
    }

    private static YamlNode convert(Node node, int depth) {
        int line = node.getStartMark().getLine() + 1;
        if (depth > MAX_DEPTH) throw new Refused(line, "nested deeper than " + MAX_DEPTH + " levels");
        if (node instanceof ScalarNode s) return new Scalar(s.getValue(), line);
        if (node instanceof SequenceNode seq) {
            List<YamlNode> items = new ArrayList<>();
            for (Node n : seq.getValue()) items.add(convert(n, depth + 1));
            return new Sequence(items, line);
        }
        MappingNode map = (MappingNode) node;
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<Scalar> duplicates = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
            int keyLine = t.getKeyNode().getStartMark().getLine() + 1;
            if (entries.containsKey(key)) duplicates.add(new Scalar(key, keyLine));
            else {
                entries.put(key, convert(t.getValueNode(), depth + 1));
                lines.put(key, keyLine);
            }
        }
        return new Mapping(entries, lines, duplicates, line);
    }
}
