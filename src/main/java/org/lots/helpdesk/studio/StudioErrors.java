package org.lots.helpdesk.studio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What can go wrong with a studio call, each with its status and a JSON reason an editor can act on. */
@RestControllerAdvice(basePackageClasses = StudioErrors.class)
class StudioErrors {

    /** 400: the change would break the content (or the request is malformed); nothing was written. */
    static class Invalid extends RuntimeException {
        final List<String> problems;

        Invalid(String reason) {
            this(reason, List.of());
        }

        Invalid(String reason, List<String> problems) {
            super(reason);
            this.problems = problems;
        }
    }

    /** 409: the client edited an older version; {@code current} is what the file holds now. Nothing was written. */
    static class Stale extends RuntimeException {
        final Object current;

        Stale(String reason, Object current) {
            super(reason);
            this.current = current;
        }
    }

    /** 423: the content folder cannot be written; {@code changed} is the file as it would be, for a download. */
    static class ReadOnly extends RuntimeException {
        final String file, changed;

        ReadOnly(String reason, String file, String changed) {
            super(reason);
            this.file = file;
            this.changed = changed;
        }
    }

    static class Forbidden extends RuntimeException {
        Forbidden(String reason) {
            super(reason);
        }
    }

    static class NotFound extends RuntimeException {
        NotFound(String reason) {
            super(reason);
        }
    }

    @ExceptionHandler(Invalid.class)
    ResponseEntity<Map<String, Object>> invalid(Invalid e) {
        Map<String, Object> body = body(e);
        if (!e.problems.isEmpty()) body.put("problems", e.problems);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }

    @ExceptionHandler(Stale.class)
    ResponseEntity<Map<String, Object>> stale(Stale e) {
        Map<String, Object> body = body(e);
        body.put("current", e.current);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(ReadOnly.class)
    ResponseEntity<Map<String, Object>> readOnly(ReadOnly e) {
        Map<String, Object> body = body(e);
        body.put("readOnly", true);
        body.put("file", e.file);
        body.put("changed", e.changed);
        return ResponseEntity.status(HttpStatus.LOCKED).body(body);
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<Map<String, Object>> forbidden(Forbidden e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body(e));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body(e));
    }

    private static Map<String, Object> body(RuntimeException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        return body;
    }
}
