package org.lots.helpdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.lots.helpdesk.HelpdeskApplication;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.TranscriptEntry;
import org.lots.helpdesk.conversation.TranscriptStore;
import org.lots.helpdesk.engine.ConversationState;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Not a test: cost per message as the store grows (100 to 100,000 stored conversations, each with a transcript, and
 * a waiting handoff for one in fifty) and as the content grows (the shipped dialogs, then 35 more generated into a
 * temporary content folder). Also times the queries that mongo-java-server answers by scanning (it ignores
 * non-unique secondary indexes): a transcript by conversation and the adviser queue by status. Run with
 * bench/growth.sh.
 */
public final class GrowthBenchmark {

    static final int[] SIZES = {100, 1_000, 10_000, 100_000};
    static final int MESSAGES = Integer.getInteger("messages", 300);

    public static void main(String[] args) throws Exception {
        int maxSize = Integer.getInteger("conversations", 100_000);
        int[] series = Boolean.getBoolean("onlyShipped") ? new int[]{0} : new int[]{0, 35};
        for (int extraDialogs : series) {
            Path content = contentWith(extraDialogs);
            Path data = Files.createTempDirectory("helpdesk-growth-");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HelpdeskApplication.class)
                    .run("--server.port=0", "--helpdesk.data-dir=" + data, "--helpdesk.content-dir=" + content,
                            "--logging.level.root=WARN")) {
                ConversationService conversations = app.getBean(ConversationService.class);
                MongoTemplate mongo = app.getBean(MongoTemplate.class);
                HandoffRepository handoffs = app.getBean(HandoffRepository.class);
                int dialogs = countDialogs(content);
                measure(conversations, "warm-up", 200); // JIT
                int seeded = 0;
                for (int size : SIZES) {
                    if (size > maxSize) break;
                    seed(mongo, seeded, size);
                    seeded = size;
                    double[] ms = measure(conversations, dialogs + "d-" + size, MESSAGES);
                    String someone = "seed-" + (size / 2);
                    long a = System.nanoTime();
                    int entries = conversations.transcript(someone).size();
                    double transcriptMs = (System.nanoTime() - a) / 1e6;
                    a = System.nanoTime();
                    int waiting = handoffs.findByStatusOrderByRequestedAtAsc(Handoff.Status.WAITING).size();
                    double queueMs = (System.nanoTime() - a) / 1e6;
                    System.out.printf("%2d dialogs, %,7d conversations: per message p50 %.2f ms, mean %.2f ms, p99 %.2f ms;"
                                    + " transcript of one (%d entries) %.1f ms; queue (%d waiting) %.1f ms%n",
                            dialogs, size, ms[0], ms[1], ms[2], entries, transcriptMs, waiting, queueMs);
                }
            }
        }
    }

    /** Conversations with a 4-entry transcript each, inserted in bulk; one in fifty waits for an adviser. */
    static void seed(MongoTemplate mongo, int from, int to) {
        Instant now = Instant.now();
        for (int start = from; start < to; start += 1000) {
            int end = Math.min(to, start + 1000);
            List<Conversation> cs = new ArrayList<>();
            List<TranscriptEntry> ts = new ArrayList<>();
            List<Handoff> hs = new ArrayList<>();
            for (int i = start; i < end; i++) {
                String id = "seed-" + i;
                Conversation c = new Conversation(id, "seed", id, false, ConversationState.fresh("sv", true), now);
                List<String> ids = TranscriptStore.reserve(c, 4);
                cs.add(c);
                for (int e = 0; e < 4; e++) {
                    ts.add(new TranscriptEntry(ids.get(e), id, now.plusMillis(e), e, e % 2 == 0 ? TranscriptEntry.Author.NEWCOMER
                            : TranscriptEntry.Author.BOT, "hur hittar jag jobb", List.of(), "sv", null));
                }
                if (i % 50 == 0) hs.add(new Handoff(id, "seed", "sv", "jobs.find", null, now));
            }
            mongo.insertAll(cs);
            mongo.insertAll(ts);
            if (!hs.isEmpty()) mongo.insertAll(hs);
        }
    }

    /** p50, mean and p99 of one message (a new conversation's first, or a known one's next) on one thread, in ms. */
    static double[] measure(ConversationService conversations, String label, int n) {
        double[] ms = new double[n];
        String[] texts = ConversationThroughputBenchmark.TEXTS;
        for (int i = 0; i < n; i++) {
            long a = System.nanoTime();
            conversations.receive(new ConversationService.Address("bench", label + "-" + (i % 50)), new Input.Text(texts[i % texts.length]), "en");
            ms[i] = (System.nanoTime() - a) / 1e6;
        }
        double mean = Arrays.stream(ms).average().orElse(0);
        Arrays.sort(ms);
        return new double[]{ms[n / 2], mean, ms[(int) (n * 0.99)]};
    }

    /** The shipped content, plus {@code extra} generated dialogs (copies of the topic dialogs under new ids). */
    static Path contentWith(int extra) throws IOException {
        Path dir = Files.createTempDirectory("helpdesk-growth-content-");
        copy(Path.of("dialogs"), dir.resolve("dialogs"));
        copy(Path.of("translations"), dir.resolve("translations"));
        List<Path> topics;
        try (Stream<Path> s = Files.list(Path.of("dialogs"))) {
            topics = s.filter(p -> p.getFileName().toString().matches("(jobs|business|education)\\..*\\.yaml")).sorted().toList();
        }
        for (int i = 0; i < extra; i++) {
            Path source = topics.get(i % topics.size());
            String id = source.getFileName().toString().replace(".yaml", "");
            String generated = "gen" + i + "." + id.replace('.', '_');
            // The same steps and texts, other example phrases (each word marked), so that the router has more to weigh.
            String yaml = Files.readString(source).replaceFirst("(?m)^id: .*$", "id: " + generated);
            StringBuilder out = new StringBuilder();
            for (String line : yaml.split("\n", -1)) {
                boolean examples = line.matches("  [a-z]{2}: \\[.*");
                out.append(examples ? line.replaceAll("\"([^\"]{3,})\"", "\"$1 g" + i + "\"") : line).append('\n');
            }
            yaml = out.toString();
            Files.writeString(dir.resolve("dialogs").resolve(generated + ".yaml"), yaml);
        }
        return dir;
    }

    static int countDialogs(Path content) throws IOException {
        try (Stream<Path> s = Files.list(content.resolve("dialogs"))) {
            return (int) s.filter(p -> p.toString().endsWith(".yaml")).count();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, to.resolve(p.getFileName()));
        }
    }
}
