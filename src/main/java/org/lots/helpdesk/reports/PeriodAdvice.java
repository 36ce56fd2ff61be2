package org.lots.helpdesk.reports;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A period the report APIs cannot cover gets 400 with the reason. */
@RestControllerAdvice(assignableTypes = {ReportController.class, FailureController.class})
class PeriodAdvice {

    @ExceptionHandler(Period.Invalid.class)
    ResponseEntity<Map<String, String>> invalid(Period.Invalid e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
