package org.entente.benchmarks;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.core.relationship.RelationshipState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * As-of queries in JMH's sample-time mode, run in the harness's JVM (forks 0) against the store the
 * harness has open ({@link AsOfContext}): Entente's {@code partnership} and {@code portfolio}, and the
 * naive fold of stored events as their baseline. Each invocation takes the next of a fixed,
 * seeded list of (dyad or country, date) pairs drawn for the mix.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AsOfBenchmarks {

    /** {@code uniform}: dyads (countries) drawn uniformly; {@code weighted}: drawn in proportion to their facts. */
    @Param({"uniform", "weighted"})
    public String mix;

    private AsOfContext.Draws draws;
    private AsOfContext context;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        context = AsOfContext.current();
        draws = context.draws(mix);
        next = 0;
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (AsOfContext.DRAWS - 1);
        return i;
    }

    @Benchmark
    public Partnership partnership() {
        int i = nextIndex();
        return context.entente().partnership(draws.dyads()[i], draws.whens()[i]);
    }

    @Benchmark
    public Portfolio portfolio() {
        int i = nextIndex();
        return context.entente().portfolio(draws.countries()[i], draws.whens()[i]);
    }

    @Benchmark
    public RelationshipState naivePartnership() throws SQLException {
        int i = nextIndex();
        return context.naive().stateOf(draws.dyads()[i], draws.whens()[i].date());
    }

    @Benchmark
    public List<RelationshipState> naivePortfolio() throws SQLException {
        int i = nextIndex();
        return context.naive().statesOf(context.dyadsOf(draws.countries()[i]), draws.whens()[i].date());
    }
}
