package org.lots.helpdesk.studio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.lots.helpdesk.dialog.Catalogue;
import org.lots.helpdesk.dialog.script.Problem;
import org.lots.helpdesk.dialog.script.YamlNode;
import org.lots.helpdesk.system.HelpdeskProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Translation exchange, CONTRACT section 10: XLIFF 2.0 export and import per language, for translators' own tools.
 * The import writes, in one safe write, every target that passes the checks and reports each other one by key.
 */
@RestController
class XliffController {

    private final ContentWriter writer;
    private final StudioAccess access;
    private final String fallback;

    XliffController(ContentWriter writer, StudioAccess access, HelpdeskProperties properties) {
        this.writer = writer;
        this.access = access;
        this.fallback = properties.fallbackLanguage();
    }

    @GetMapping("/api/editor/translations/{lang}.xliff")
    ResponseEntity<String> export(Authentication auth, @PathVariable String lang) {
        access.language(auth, lang);
        boolean isSource = lang.equals(fallback);
        Map<String, TranslationFile.Text> source = file(fallback).texts();
        Map<String, TranslationFile.Text> mine = file(lang).texts();
        List<Xliff.ExportUnit> units = new ArrayList<>();
        for (var e : source.entrySet()) {
            TranslationFile.Text t = mine.get(e.getKey());
            String status = ReviewTexts.status(e.getValue(), t, isSource);
            String state = switch (status) {
                case "missing" -> "initial";
                case "source" -> "final";
                default -> "reviewed".equals(t.status()) ? "reviewed" : "translated";
            };
            String note = status.equals("outdated") ? "outdated: the " + fallback + " source changed after this was translated" : null;
            units.add(new Xliff.ExportUnit(e.getKey(), e.getValue().text(), t == null ? null : t.text(), state, note));
        }
        String xml = Xliff.write(fallback, lang, "translations/" + lang + ".yaml", units);
        return ResponseEntity.ok().contentType(new MediaType("application", "xliff+xml", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + lang + ".xliff\"").body(xml);
    }

    record Rejected(String key, String reason) {}

    @PutMapping("/api/editor/translations/{lang}.xliff")
    Map<String, Object> importFile(Authentication auth, @PathVariable String lang, @RequestBody(required = false) byte[] body) {
        access.language(auth, lang);
        Xliff.Parsed parsed = Xliff.read(body);
        if (!Xliff.primary(parsed.trgLang()).equals(lang)) {
            throw new StudioErrors.Invalid("this XLIFF file is for '" + parsed.trgLang() + "', not '" + lang + "'; nothing was imported");
        }
        if (!Xliff.primary(parsed.srcLang()).equals(fallback)) {
            throw new StudioErrors.Invalid("the file's source language is '" + parsed.srcLang() + "', not '" + fallback + "'; nothing was imported");
        }
        boolean isSource = lang.equals(fallback);
        Map<String, TranslationFile.Text> source = file(fallback).texts();
        Map<String, TranslationFile.Text> mine = file(lang).texts();
        List<Rejected> rejected = new ArrayList<>();
        Map<String, Xliff.Unit> accepted = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        int unchanged = 0;
        for (Xliff.Unit u : parsed.units()) {
            String key = u.id();
            if (!seen.add(key)) {
                rejected.add(new Rejected(key, "the unit appears twice"));
                accepted.remove(key);
                continue;
            }
            TranslationFile.Text src = source.get(key);
            if (src == null) {
                rejected.add(new Rejected(key, "not a text of the " + fallback + " source"));
                continue;
            }
            if (u.problem() != null) {
                rejected.add(new Rejected(key, u.problem()));
                continue;
            }
            if (u.target() == null || u.target().isEmpty()) {
                unchanged++;
                continue;
            }
            Catalogue.Status status = status(u.state());
            if (status == null) {
                rejected.add(new Rejected(key, "state '" + u.state() + "': only translated, reviewed or final texts are imported"));
                continue;
            }
            TranslationFile.Text now = mine.get(key);
            String hash = Catalogue.hash(src.text());
            if (now != null && now.text().equals(u.target()) && (isSource || (status.name().equalsIgnoreCase(now.status()) && hash.equals(now.source())))) {
                unchanged++;
                continue;
            }
            if (!isSource && now != null && "reviewed".equals(now.status()) && status == Catalogue.Status.MACHINE
                    && hash.equals(now.source()) && !now.text().equals(u.target())) {
                rejected.add(new Rejected(key, "reviewed since the file was exported; a 'translated' target would undo the review"));
                continue;
            }
            String problem = TextCheck.problem(u.target(), isSource ? null : src.text()).orElse(null);
            if (problem != null) {
                rejected.add(new Rejected(key, problem));
                continue;
            }
            accepted.put(key, u);
        }
        int updated = 0;
        if (!accepted.isEmpty()) {
            TextEdits edits = edits(lang, isSource, source, accepted);
            // Lint the whole content with the file as it would be; a unit that brings an error is rejected by key.
            for (int round = 0; round < 3 && !accepted.isEmpty(); round++) {
                String current = writer.read(edits.file());
                String after = edits.apply(current);
                List<Problem> problems = writer.newProblems(edits.file(), current, after);
                if (problems.isEmpty()) break;
                Map<String, String> byKey = keysOf(after, edits.file(), problems, accepted.keySet());
                if (byKey.isEmpty()) throw new StudioErrors.Invalid("the import would break the content; nothing was written",
                        problems.stream().map(Problem::toString).toList());
                byKey.forEach((k, why) -> {
                    rejected.add(new Rejected(k, why));
                    accepted.remove(k);
                });
                edits = edits(lang, isSource, source, accepted);
            }
            if (!accepted.isEmpty()) {
                edits.write(auth.getName(), "XLIFF import: " + accepted.size() + " text(s)");
                updated = accepted.size();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("updated", updated);
        out.put("unchanged", unchanged);
        out.put("rejected", rejected);
        return out;
    }

    private TextEdits edits(String lang, boolean isSource, Map<String, TranslationFile.Text> source, Map<String, Xliff.Unit> units) {
        TextEdits edits = new TextEdits(writer, lang, isSource);
        units.forEach((key, u) -> edits.put(key, u.target(), isSource ? null : status(u.state()),
                isSource ? null : Catalogue.hash(source.get(key).text()), null));
        return edits;
    }

    /** Which of the imported keys each problem in the file is at (by the lines each entry spans). */
    private static Map<String, String> keysOf(String text, String file, List<Problem> problems, Set<String> imported) {
        TreeMap<Integer, String> starts = new TreeMap<>();
        if (YamlNode.parse(text) instanceof YamlNode.Mapping root && root.get("texts") instanceof YamlNode.Mapping texts) {
            texts.keyLines().forEach((k, line) -> starts.put(line, k));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Problem p : problems) {
            var entry = p.path().equals(file) ? starts.floorEntry(p.line()) : null;
            if (entry != null && imported.contains(entry.getValue())) out.putIfAbsent(entry.getValue(), p.message());
        }
        return out;
    }

    static Catalogue.Status status(String state) {
        return switch (state) {
            case "reviewed", "final" -> Catalogue.Status.REVIEWED;
            case "translated" -> Catalogue.Status.MACHINE;
            default -> null;
        };
    }

    private TranslationFile file(String lang) {
        return new TranslationFile(writer.read("translations/" + lang + ".yaml"), lang.equals(fallback));
    }
}
