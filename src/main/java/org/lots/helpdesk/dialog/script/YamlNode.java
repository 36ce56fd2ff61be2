package org.lots.helpdesk.dialog.script;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
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

    /** Parses one YAML document; throws SnakeYAML's MarkedYAMLException (with a line) on bad syntax. */
    static YamlNode parse(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported as problems instead, with both lines
        options.setCodePointLimit(5 * 1024 * 1024);
        options.setMaxAliasesForCollections(50);
        Node root = new Yaml(options).compose(reader);
        return root == null ? new Mapping(Map.of(), Map.of(), List.of(), 1) : convert(root);
    }

    private static YamlNode convert(Node node) {
        int line = node.getStartMark().getLine() + 1;
        if (node instanceof ScalarNode s) return new Scalar(s.getValue(), line);
        if (node instanceof SequenceNode seq) {
            List<YamlNode> items = new ArrayList<>();
            for (Node n : seq.getValue()) items.add(convert(n));
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
                entries.put(key, convert(t.getValueNode()));
                lines.put(key, keyLine);
            }
        }
        return new Mapping(entries, lines, duplicates, line);
    }
}
