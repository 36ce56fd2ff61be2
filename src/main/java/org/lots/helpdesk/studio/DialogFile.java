package org.lots.helpdesk.studio;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * {@code dialogs/<id>.yaml} as the studio edits it: one language's {@code examples:} list is written again in its own
 * style (a flow list {@code ["a", "b"]} stays one line, a block list stays one item per line) and nothing else.
 */
final class DialogFile {

    static final String NONE_VERSION = "none";

    private final YamlText yaml;

    DialogFile(String text) {
        this.yaml = new YamlText(text);
        if (!(yaml.root() instanceof MappingNode)) throw new StudioErrors.Invalid("the dialog file is not a mapping");
    }

    List<String> examples(String language) {
        List<String> out = new ArrayList<>();
        if (YamlText.value(YamlText.value(yaml.root(), "examples"), language) instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) if (n instanceof ScalarNode s) out.add(s.getValue());
        }
        return out;
    }

    /** The version of one language's examples: what a client must send back to change them. */
    String version(String language) {
        Node examples = YamlText.value(yaml.root(), "examples");
        if (YamlText.value(examples, language) == null) return NONE_VERSION;
        return TextVersion.of(String.join("\u0000", examples(language)));
    }

    void setExamples(String language, List<String> phrases) {
        String nl = yaml.newline();
        NodeTuple examples = YamlText.tuple(yaml.root(), "examples");
        if (examples == null || !(examples.getValueNode() instanceof MappingNode map)) {
            if (examples != null) throw new StudioErrors.Invalid("'examples' is not a mapping of languages");
            NodeTuple before = YamlText.tuple(yaml.root(), "keywords");
            if (before == null) before = YamlText.tuple(yaml.root(), "start");
            if (before == null) before = YamlText.tuple(yaml.root(), "steps");
            if (before == null) throw new StudioErrors.Invalid("the dialog file has no 'steps'");
            int at = yaml.start(before.getKeyNode());
            yaml.insert(at, "examples:" + nl + "  " + language + ": " + flow(phrases) + nl);
            return;
        }
        NodeTuple lang = YamlText.tuple(map, language);
        if (lang == null) {
            int indent = map.getValue().isEmpty() ? 2 : yaml.column(map.getValue().get(0).getKeyNode());
            if (map.getValue().isEmpty()) {
                yaml.replace(yaml.start(map), yaml.end(map), "");
                yaml.insert(yaml.endOfLine(yaml.start(map)), nl + " ".repeat(indent) + language + ": " + flow(phrases));
            } else {
                NodeTuple last = map.getValue().get(map.getValue().size() - 1);
                yaml.insert(yaml.endOfLine(yaml.end(last.getValueNode())), nl + " ".repeat(indent) + language + ": " + flow(phrases));
            }
            return;
        }
        if (!(lang.getValueNode() instanceof SequenceNode seq)) throw new StudioErrors.Invalid("examples of '" + language + "' are not a list");
        if (seq.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !seq.getValue().isEmpty() && !phrases.isEmpty()) {
            int indent = yaml.column(seq.getValue().get(0));
            String pad = " ".repeat(Math.max(0, indent - 2));
            StringBuilder sb = new StringBuilder(":");
            for (String p : phrases) sb.append(nl).append(pad).append("- ").append(YamlText.quoted(p));
            yaml.replace(yaml.end(lang.getKeyNode()), yaml.end(seq), sb.toString());
        } else if (seq.getFlowStyle() == DumperOptions.FlowStyle.BLOCK) {
            yaml.replace(yaml.end(lang.getKeyNode()), yaml.end(seq), ": " + flow(phrases));
        } else {
            yaml.replace(yaml.start(seq), yaml.end(seq), flow(phrases));
        }
    }

    private static String flow(List<String> phrases) {
        return "[" + String.join(", ", phrases.stream().map(YamlText::quoted).toList()) + "]";
    }

    String result() {
        return yaml.result();
    }
}
