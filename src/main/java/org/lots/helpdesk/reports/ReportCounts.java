package org.lots.helpdesk.reports;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.dialog.OfficeHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * The counters reports read: collection {@value #COLLECTION}, one document per day, channel, language and topic,
 * holding only numbers ({@code {"_id": "2026-11-25|telegram|ar|jobs.find", "day": ..., "n": {"messages": 7}}}).
 * Nothing in them names a person or holds their words, so /forget and the retention purge leave them alone and a
 * funder's numbers never shrink. Counts gather in memory and go to the store in one bulk write every few seconds
 * (and before every report, and at shutdown): writes per message stay far below one.
 */
@Component
public class ReportCounts {

    public static final String COLLECTION = "report_counts";
    /** The topic of rows that count sessions as a whole (conversations, newcomers, answered). */
    public static final String SESSION = "*";
    /** No topic or language (yet). */
    public static final String NONE = "-";

    private static final Logger log = LoggerFactory.getLogger(ReportCounts.class);

    public record Key(String day, String channel, String language, String topic) {
        String id() {
            return day + "|" + channel + "|" + language + "|" + topic;
        }
    }

    /** A stored row: its key and its counters. */
    public record Row(Key key, Map<String, Long> counts) {
        long get(String field) {
            return counts.getOrDefault(field, 0L);
        }
    }

    private final MongoTemplate mongo;
    private final ContentService content;
    private Map<Key, Map<String, Long>> pending = new HashMap<>();

    ReportCounts(MongoTemplate mongo, ContentService content) {
        this.mongo = mongo;
        this.content = content;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("day", Sort.Direction.ASC).named("day"));
    }

    /** The day an instant falls on in the deployment's time zone (settings {@code timezone}). */
    public LocalDate day(Instant at) {
        return at.atZone(zone()).toLocalDate();
    }

    public ZoneId zone() {
        return OfficeHours.from(content.current().content().settings()).zone();
    }

    public synchronized void add(Key key, String field, long n) {
        if (n == 0) return;
        pending.computeIfAbsent(key, k -> new HashMap<>()).merge(field, n, Long::sum);
    }

    @Scheduled(initialDelayString = "${helpdesk.reports.flush-every:PT10S}", fixedDelayString = "${helpdesk.reports.flush-every:PT10S}")
    @PreDestroy
    public void flush() {
        Map<Key, Map<String, Long>> batch;
        synchronized (this) {
            if (pending.isEmpty()) return;
            batch = pending;
            pending = new HashMap<>();
        }
        try {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            int writes = 0;
            for (Map.Entry<Key, Map<String, Long>> e : batch.entrySet()) {
                Key k = e.getKey();
                Update u = new Update().setOnInsert("day", k.day()).setOnInsert("channel", k.channel())
                        .setOnInsert("language", k.language()).setOnInsert("topic", k.topic());
                boolean any = false;
                for (Map.Entry<String, Long> f : e.getValue().entrySet()) {
                    if (f.getValue() == 0) continue; // a session that moved and came back
                    u.inc("n." + f.getKey(), f.getValue());
                    any = true;
                }
                if (!any) continue;
                bulk.upsert(query(where("_id").is(k.id())), u);
                writes++;
            }
            if (writes > 0) bulk.execute();
        } catch (RuntimeException e) {
            log.warn("Report counts not written ({}); they are kept for the next try", e.getClass().getSimpleName());
            synchronized (this) {
                batch.forEach((k, fields) -> fields.forEach((f, n) -> add(k, f, n)));
            }
        }
    }

    /** Every row of the days from {@code from} to {@code to} (inclusive), with what is still in memory written first. */
    public List<Row> rows(LocalDate from, LocalDate to) {
        flush();
        List<Row> out = new ArrayList<>();
        for (Document d : mongo.find(query(where("day").gte(from.toString()).lte(to.toString())), Document.class, COLLECTION)) {
            Map<String, Long> counts = new LinkedHashMap<>();
            if (d.get("n") instanceof Document n) n.forEach((f, v) -> { if (v instanceof Number x) counts.put(f, x.longValue()); });
            out.add(new Row(new Key(d.getString("day"), d.getString("channel"), d.getString("language"), d.getString("topic")), counts));
        }
        return out;
    }
}
