package org.lots.helpdesk.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.lots.helpdesk.TestContent;
import org.lots.helpdesk.cli.Evaluation;
import org.lots.helpdesk.engine.ConversationState;
import org.lots.helpdesk.engine.Engine;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Knowledge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Not a test: JMH benchmarks of the matcher (router) and of a whole engine turn, over the questions of the eval
 * files in turn. Run with bench/jmh.sh (never during {@code mvn verify}: the class name does not end in Tests).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-XX:+UseSerialGC"})
public class UnderstandingJmh {

    private Knowledge knowledge;
    private Engine engine;
    private List<Evaluation.Case> cases;
    private int next;

    @Setup
    public void setUp() throws Exception {
        knowledge = TestContent.shipped();
        engine = TestContent.engine();
        cases = new java.util.ArrayList<>(Evaluation.read(Path.of("eval/dev.tsv")));
        cases.addAll(Evaluation.read(Path.of("eval/questions.tsv")));
    }

    private Evaluation.Case nextCase() {
        Evaluation.Case c = cases.get(next);
        next = (next + 1) % cases.size();
        return c;
    }

    @Benchmark
    public Object matcher() {
        Evaluation.Case c = nextCase();
        return knowledge.router().route(c.text(), c.language());
    }

    @Benchmark
    public Object engineTurn() {
        Evaluation.Case c = nextCase();
        return engine.handle(knowledge, ConversationState.fresh(null, false), new Input.Text(c.text()), null);
    }
}
