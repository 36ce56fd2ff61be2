package org.lots.helpdesk.reports;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The coordinator's reports (CONTRACT section 9; role COORDINATOR): the summary of a period as JSON and as CSV. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final Summary summary;
    private final ReportsProperties properties;

    ReportController(Summary summary, ReportsProperties properties) {
        this.summary = summary;
        this.properties = properties;
    }

    @GetMapping("/summary")
    Map<String, Object> summary(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return summary.json(summary.report(Period.of(from, to, properties.maxDays())));
    }

    @GetMapping("/summary.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Period p = Period.of(from, to, properties.maxDays());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("lots-summary-" + p.from() + "-" + p.to() + ".csv").build().toString())
                .body(SummaryCsv.of(summary.report(p)));
    }
}
