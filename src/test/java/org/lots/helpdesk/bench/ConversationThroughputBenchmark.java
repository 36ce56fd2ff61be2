package org.lots.helpdesk.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.lots.helpdesk.HelpdeskApplication;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.engine.Input;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: messages per second through the whole conversation path a channel uses (load state, engine, save
 * with optimistic locking, transcript, events) on the embedded store with a commit per write, for 1 and 8 threads.
 * Run with bench/throughput.sh.
 */
public final class ConversationThroughputBenchmark {

    static final String[] TEXTS = {"hur hittar jag jobb", "بدي شغل", "how do i register my company", "ስራሕ ክረክብ ደልየ",
            "хочу вивчати шведську", "komvux nedir", "where can i get a loan for my shop", "yes", "no", "menu"};

    public static void main(String[] args) throws Exception {
        int perThread = Integer.parseInt(System.getProperty("messages", "300"));
        var data = Files.createTempDirectory("helpdesk-bench-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HelpdeskApplication.class)
                .run("--server.port=0", "--helpdesk.data-dir=" + data, "--helpdesk.content-dir=.", "--logging.level.root=WARN")) {
            ConversationService conversations = app.getBean(ConversationService.class);
            run(conversations, 1, 100, "warm-up");
            run(conversations, 1, perThread, "1 thread");
            run(conversations, 8, perThread, "8 threads");
        }
    }

    static void run(ConversationService conversations, int threads, int perThread, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<double[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            String chat = label + "-" + t;
            results.add(pool.submit(() -> {
                double[] ms = new double[perThread];
                var address = new ConversationService.Address("bench", chat);
                for (int i = 0; i < perThread; i++) {
                    long a = System.nanoTime();
                    conversations.receive(address, new Input.Text(TEXTS[i % TEXTS.length]), "en");
                    ms[i] = (System.nanoTime() - a) / 1e6;
                }
                return ms;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<double[]> f : results) for (double v : f.get()) all.add(v);
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double[] s = all.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        System.out.printf("%-9s %5d messages: %6.0f messages/s  p50 %.1f ms  p99 %.1f ms%n", label, s.length, s.length / seconds,
                s[s.length / 2], s[(int) (s.length * 0.99)]);
    }
}
