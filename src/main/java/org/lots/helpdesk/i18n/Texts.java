package org.lots.helpdesk.i18n;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.lots.helpdesk.dialog.Catalogue;
import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Municipalities;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

/**
 * Formats a translation key for a language with ICU MessageFormat, falling back to the fallback language.
 * Settings ({@code {municipality}}) and the conversation's variables are the arguments.
 */
public final class Texts {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private final Content content;

    public Texts(Content content) {
        this.content = content;
    }

    public String format(String language, String key) {
        return format(language, key, Map.of());
    }

    public String format(String language, String key, Map<String, ?> variables) {
        Catalogue.Entry entry = content.catalogue().entry(language, key).orElse(null);
        if (entry == null) return key; // lint stops content with missing keys; this only guards against bugs
        Map<String, Object> args = new HashMap<>();
        content.settings().forEach((k, v) -> {
            if (v instanceof String) args.put(k, v);
            // A settings section of plain values is one argument each: emergency: {number: "112"} is {emergency_number}.
            else if (v instanceof Map<?, ?> section) section.forEach((k2, v2) -> { if (v2 instanceof String) args.put(k + "_" + k2, v2); });
        });
        variables.forEach((k, v) -> args.put(k, v instanceof String s && NUMBER.matcher(s).matches() ? Double.valueOf(s) : v));
        // {municipality} is a name, not the chosen id ("uddevalla", "elsewhere") the variable holds.
        Municipalities.Municipality m = Municipalities.current(content.settings(), variables);
        // {municipality_url} in a text is the same page a link to it opens (national guidance while unknown).
        args.putAll(Municipalities.urls(content.settings(), variables));
        if (m != null) args.put("municipality", m.name());
        else if (!(content.settings().get("municipality") instanceof String)) args.put("municipality", unknownMunicipality(language));
        try {
            return TextUses.noted(language, key, new MessageFormat(entry.text(), locale(language)).format(args));
        } catch (IllegalArgumentException e) {
            return TextUses.noted(language, key, entry.text());
        }
    }

    /** "your municipality", in words of the language: {@code {municipality}} when it is not known. */
    private String unknownMunicipality(String language) {
        return content.catalogue().entry(language, Municipalities.UNKNOWN_KEY).map(Catalogue.Entry::text).orElse("");
    }

    /** A link target: a URL as written, or a setting's value for {@code {municipality_url}}. */
    public String url(String url) {
        return url(url, Map.of());
    }

    /** A link target; {@code {municipality_url}} and its deeper pages are the newcomer's municipality's. */
    public String url(String url, Map<String, ?> variables) {
        if (url.startsWith("{") && url.endsWith("}")) {
            String name = url.substring(1, url.length() - 1);
            String local = Municipalities.urls(content.settings(), variables).get(name);
            if (local != null) return local;
            Object v = content.settings().get(name);
            return v instanceof String s ? s : url;
        }
        return url;
    }

    /** The review status of a text in a language: source, reviewed, machine, or fallback when it is missing there. */
    public String status(String language, String key) {
        var own = content.catalogue().language(language).map(l -> l.texts().get(key)).orElse(null);
        if (own == null) return "fallback";
        return own.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The raw text (no formatting), e.g. for word lists such as {@code system.yes_words}. */
    public String raw(String language, String key) {
        return content.catalogue().entry(language, key).map(Catalogue.Entry::text).orElse("");
    }

    /**
     * The locale used for numbers, dates and plurals. Digits are chosen on purpose (ICU's default for Arabic
     * changed between versions): Arabic-Indic for Arabic, Persian digits for Persian, Latin elsewhere.
     */
    public static ULocale locale(String language) {
        if (language == null) return ULocale.ENGLISH;
        return switch (language) {
            case "ar" -> new ULocale("ar@numbers=arab");
            case "fa" -> new ULocale("fa@numbers=arabext");
            default -> new ULocale(language);
        };
    }
}
