package org.lots.helpdesk.limits;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A body that is not readable JSON (broken syntax, broken UTF-8, nested too deep, cut off at the size limit) gets a
 * short JSON reason. Never the parser's own message: it quotes the body, which may hold a newcomer's words.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BadBodyAdvice {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge big) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(Map.of("error", "request body too large (at most " + big.limit() + " bytes)"));
            }
            if (t instanceof tools.jackson.core.exc.StreamConstraintsException) {
                return ResponseEntity.badRequest().body(Map.of("error", "JSON nested too deeply or too long"));
            }
        }
        return ResponseEntity.badRequest().body(Map.of("error", "the body is not valid JSON in UTF-8"));
    }
}
