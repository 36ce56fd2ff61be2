package org.lots.helpdesk.studio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The versions of a content file the studio kept (who, when, what), one version's text, and the way back: a restore
 * is a save like any other (linted, atomic, itself in the history). A translation file is a reviewer's of that
 * language; a dialog file holds every language's examples, so only editors restore it.
 */
@RestController
@RequestMapping("/api/studio/history")
class HistoryController {

    private final ContentHistory history;
    private final ContentWriter writer;
    private final StudioAccess access;

    HistoryController(ContentHistory history, ContentWriter writer, StudioAccess access) {
        this.history = history;
        this.writer = writer;
        this.access = access;
    }

    private void check(Authentication auth, String file) {
        ContentWriter.checkName(file);
        if (file.startsWith("translations/") && !file.equals("translations/settings.yaml")) {
            access.language(auth, file.substring("translations/".length(), file.length() - ".yaml".length()));
        } else {
            access.editor(auth);
        }
        writer.read(file); // 404 for a file that is not there
    }

    @GetMapping
    Map<String, Object> list(Authentication auth, @RequestParam String file) {
        check(auth, file);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file);
        out.put("version", TextVersion.of(writer.read(file)));
        out.put("versions", history.list(file));
        return out;
    }

    /** One kept version, or the file as it is now ({@code id} absent): a download for a read-only folder. */
    @GetMapping("/file")
    ResponseEntity<String> file(Authentication auth, @RequestParam String file, @RequestParam(required = false) String id) {
        check(auth, file);
        String text = id == null ? writer.read(file) : history.read(file, id).orElseThrow(() -> new StudioErrors.NotFound("no version " + id + " of " + file));
        String name = file.substring(file.indexOf('/') + 1);
        return ResponseEntity.ok().contentType(new MediaType("application", "yaml", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(text);
    }

    record Restore(String file, String id) {}

    @PostMapping("/restore")
    ContentWriter.Written restore(Authentication auth, @RequestBody Restore request) {
        if (request == null || request.file() == null || request.id() == null) throw new StudioErrors.Invalid("send {file, id}");
        check(auth, request.file());
        String text = history.read(request.file(), request.id())
                .orElseThrow(() -> new StudioErrors.NotFound("no version " + request.id() + " of " + request.file()));
        return writer.write(auth.getName(), request.file(), current -> text, "restored " + request.id());
    }

}
