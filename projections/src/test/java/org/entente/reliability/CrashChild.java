package org.entente.reliability;

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.Entente;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactHeader;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.StoreCopy;

/**
 * The child JVM of the {@link CrashHarness}: does one job on a store until it is done or killed, and
 * prints what it finished on standard output ({@code STARTED}, {@code ACK <fact-id>} after a single
 * record returned, {@code WRITTEN <n>} after each committed chunk of a batch, {@code DONE} at the end).
 *
 * <p>Arguments: {@code JOB STORE [RUN FROM COUNT]}, where STORE is {@code h2:DIR} or
 * {@code pg:URL|USER|SCHEMA}, and JOB one of
 * <ul>
 * <li>{@code batch}: {@code recordAll} of the facts RUN-FROM .. RUN-(FROM+COUNT-1);</li>
 * <li>{@code single}: the same facts, one {@code record} each;</li>
 * <li>{@code rebuild}: {@code Entente.builder().h2(dir).rebuildStoredProjections(progress)} (offline);</li>
 * <li>{@code online-rebuild}: {@code rebuildProjections()} on an open Entente;</li>
 * <li>{@code import}: {@code StoreCopy.importInto} of the export file RUN into STORE;</li>
 * <li>{@code migrate}: {@code StoreCopy.copy} of the H2 store RUN into STORE (PostgreSQL), then a projection build.</li>
 * </ul>
 *
 * <p>Started as a {@linkplain ChildJvm#spare spare} ({@code --spare DIR}), it first warms up on a small H2
 * store of its own in DIR (deleted afterwards), then reads those arguments from standard input.
 */
public final class CrashChild {

    private static final List<Country> COUNTRIES = Country.all().stream().limit(64).toList();

    private CrashChild() {
    }

    /**
     * Fact n of a run of {@code count} facts: talks in one of count / 10 dyads (at least 50), ten facts
     * per dyad, on a day that depends on n.
     */
    static FactCommand talks(String run, int n, int count) {
        int dyads = Math.max(50, count / 10);
        int dyad = n % dyads;
        int a = dyad % COUNTRIES.size();
        int b = (a + 1 + dyad / COUNTRIES.size()) % COUNTRIES.size();
        return new FactCommand.HoldTalks(new FactHeader(FactId.of(run + "-" + n),
                HappenedOn.day(LocalDate.of(2000, 1, 1).plusDays(n / dyads)), COUNTRIES.get(a), COUNTRIES.get(b),
                List.of(Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublisher("crash harness"))),
                Optional.of("talks " + n + " of " + run));
    }

    static List<FactCommand> batch(String run, int from, int count) {
        List<FactCommand> batch = new ArrayList<>(count);
        for (int n = from; n < from + count; n++) {
            batch.add(talks(run, n, count));
        }
        return batch;
    }

    static Entente.Builder entente(String store) {
        if (store.startsWith("h2:")) {
            return Entente.builder().h2(Path.of(store.substring(3)));
        }
        String[] parts = store.substring(3).split("\\|");
        return Entente.builder().postgres(schemaUrl(parts[0], parts[2]), parts[1], "", POOL).claimTimeout(CLAIM_TIMEOUT);
    }

    /**
     * How long the claims of a killed child hold on PostgreSQL, where no process can tell that their owner is
     * gone (on H2, the next open releases them). The default, 10 s, made most of a rerun's time a wait for the
     * projections to take over; one instance at a time works on a harness's store, so no live claim is cut short.
     */
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(1);

    static EntenteStore.Builder eventStore(String store) {
        if (store.startsWith("h2:")) {
            return EntenteStore.builder().h2(Path.of(store.substring(3)));
        }
        String[] parts = store.substring(3).split("\\|");
        return EntenteStore.builder().postgres(schemaUrl(parts[0], parts[2]), parts[1], "", POOL);
    }

    /**
     * The pool size of the stores the harness opens on PostgreSQL: Entente's own pool, as the README
     * recommends. (A plain {@code PGSimpleDataSource} opened a connection per query: a rerun over 500
     * existing dyads took 35 to 60 s, nearly all of it in connecting.)
     */
    private static final int POOL = 8;

    static String schemaUrl(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("disable-axoniq-console-message", "true");
        if (args[0].equals(ChildJvm.SPARE)) {
            warmUp(Path.of(args[1]));
            args = ChildJvm.readJob();
            if (args == null) {
                return; // the harness ended without a job for it
            }
        }
        PrintStream out = System.out;
        String job = args[0];
        String store = args[1];
        switch (job) {
            case "batch", "single" -> {
                String run = args[2];
                List<FactCommand> facts = batch(run, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
                try (Entente entente = entente(store).build()) {
                    started(out);
                    if (job.equals("batch")) {
                        entente.recordAll(facts, (written, total) -> {
                            out.println("WRITTEN " + written);
                            out.flush();
                        });
                    } else {
                        for (FactCommand f : facts) {
                            entente.record(f);
                            out.println("ACK " + f.fact().id());
                            out.flush();
                        }
                    }
                    out.println("RECORDED");
                    out.flush();
                    entente.awaitCaughtUp(Duration.ofMinutes(5));
                }
            }
            case "rebuild" -> {
                started(out);
                entente(store).rebuildStoredProjections((read, total) -> { });
            }
            case "online-rebuild" -> {
                try (Entente entente = entente(store).build()) {
                    started(out);
                    entente.rebuildProjections();
                    entente.awaitCaughtUp(Duration.ofMinutes(5));
                }
            }
            case "import" -> {
                try (EntenteStore to = eventStore(store).build(); InputStream in = new FileInputStream(args[2])) {
                    started(out);
                    StoreCopy.importInto(to, in);
                }
            }
            case "migrate" -> {
                try (EntenteStore from = eventStore("h2:" + args[2]).build(); EntenteStore to = eventStore(store).build()) {
                    started(out);
                    StoreCopy.copy(from, to, (copied, total) -> { });
                }
                try (Entente rebuilt = entente(store).build()) {
                    rebuilt.awaitCaughtUp(Duration.ofMinutes(5));
                }
            }
            default -> throw new IllegalArgumentException("unknown job " + job);
        }
        out.println("DONE");
        out.flush();
    }

    /**
     * Loads and compiles what every job uses (Axon, H2, the projections) on a store of its own, so that a
     * job given later starts at once.
     */
    static void warmUp(Path dir) throws Exception {
        Class.forName("org.postgresql.Driver");
        try (Entente entente = Entente.h2(dir)) {
            entente.recordAll(batch("warm-up", 0, 10));
            entente.record(talks("warm-up", 10, 10));
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void started(PrintStream out) {
        out.println("STARTED");
        out.flush();
    }
}
