package org.lots.helpdesk.dialog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The municipalities a deployment serves, from {@code translations/settings.yaml}:
 *
 * <pre>
 * municipalities:
 *   - id: trollhattan
 *     name: "Trollhättan"
 *     url: "https://www.trollhattan.se/"
 *     sfi_url: "https://..."          # optional, only a page verified on the municipality's own site
 *     aliases: [ترولهاتان, Тролльхеттан] # optional: other spellings that name it in what a newcomer writes
 * elsewhere_url: "https://www.informationsverige.se/"   # national guidance for "I don't know / elsewhere"
 * </pre>
 *
 * A text's {@code {municipality}} and a link's {@code {municipality_url}} (and {@code {municipality_sfi_url}},
 * {@code {municipality_komvux_url}}, {@code {municipality_environment_url}}, each falling back to the home page)
 * are those of the newcomer's municipality: the only one, or the one in the conversation variable
 * {@value #VARIABLE}. Otherwise they are national guidance.
 */
public final class Municipalities {

    /** The conversation variable holding the chosen municipality's id. */
    public static final String VARIABLE = "municipality";
    /** The value of the "I don't know / elsewhere" choice. */
    public static final String ELSEWHERE = "elsewhere";
    /** {@code choices: municipalities} in a dialog file: an ask whose choices are the served municipalities. */
    public static final String FROM_SETTINGS = "municipalities";
    /** Translation key of a municipality's name button; the name is the same in every language. */
    public static final String NAME_KEY = "municipality.name.";
    public static final String ELSEWHERE_KEY = "municipality.elsewhere";
    /** What {@code {municipality}} says when the municipality is not known ("your municipality"). */
    public static final String UNKNOWN_KEY = "municipality.yours";
    public static final List<String> PAGES = List.of("sfi_url", "komvux_url", "environment_url");

    /**
     * @param aliases other spellings a newcomer may write the name in (other scripts, a main town's name): a message
     *                naming it picks up the municipality (see docs/content-format.md)
     */
    public record Municipality(String id, String name, String url, Map<String, String> pages, List<String> aliases) {
        public Municipality(String id, String name, String url, Map<String, String> pages) {
            this(id, name, url, pages, List.of());
        }
    }

    private Municipalities() {}

    /** Every text formatted in a turn asks for the current municipality (links, names): read once per content. */
    private static final SettingsMemo<List<Municipality>> LISTED = new SettingsMemo<>(s -> List.copyOf(read(s)));

    public static List<Municipality> of(Map<String, ?> settings) {
        return LISTED.of(settings);
    }

    private static List<Municipality> read(Map<String, ?> settings) {
        List<Municipality> out = new ArrayList<>();
        if (!(settings.get("municipalities") instanceof List<?> list)) return out;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("id") instanceof String id) || !(m.get("name") instanceof String name)) continue;
            Map<String, String> pages = new LinkedHashMap<>();
            for (String p : PAGES) if (m.get(p) instanceof String u && !u.isBlank()) pages.put(p, u);
            List<String> aliases = new ArrayList<>();
            if (m.get("aliases") instanceof List<?> spellings) {
                for (Object a : spellings) if (a instanceof String s && !s.isBlank()) aliases.add(s.strip());
            }
            out.add(new Municipality(id, name, m.get("url") instanceof String u ? u : null, pages, List.copyOf(aliases)));
        }
        return out;
    }

    /** The newcomer's municipality: the only one served, or the chosen one; null when unknown or elsewhere. */
    public static Municipality current(Map<String, ?> settings, Map<String, ?> variables) {
        List<Municipality> all = of(settings);
        if (all.size() == 1) return all.get(0);
        Object chosen = variables == null ? null : variables.get(VARIABLE);
        return all.stream().filter(m -> m.id().equals(chosen)).findFirst().orElse(null);
    }

    /** The link targets {@code municipality_url}, {@code municipality_sfi_url}, ...: local pages, or national guidance. */
    public static Map<String, String> urls(Map<String, ?> settings, Map<String, ?> variables) {
        Municipality m = current(settings, variables);
        String home = m != null && m.url() != null ? m.url() : settings.get("elsewhere_url") instanceof String s ? s : null;
        Map<String, String> out = new LinkedHashMap<>();
        if (home == null) return out;
        out.put("municipality_url", home);
        for (String p : PAGES) out.put("municipality_" + p, m != null ? m.pages().getOrDefault(p, home) : home);
        return out;
    }
}
