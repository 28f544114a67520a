package org.entente.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Dyad;

/**
 * The heap target: a JVM of its own under {@value #HEAP_LIMIT_MB} MB opens the big store and answers
 * partnership queries on uniformly drawn dyads at uniformly drawn dates, the used heap sampled every
 * 5 ms; reports the peak and whether it fit. Run by the harness as a child process:
 * {@code java -Xmx512m -cp ... org.entente.benchmarks.HeapProbe h2 DIR DYADS-FILE QUERIES SEED} or
 * {@code ... HeapProbe postgresql JDBC-URL USER DYADS-FILE QUERIES SEED}.
 */
public final class HeapProbe {

    /** The heap limit of the probe's JVM. */
    static final int HEAP_LIMIT_MB = 512;

    private HeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("disable-axoniq-console-message", "true");
        boolean h2 = args[0].equals("h2");
        int i = h2 ? 2 : 3;
        List<Dyad> dyads = Files.readAllLines(Path.of(args[i])).stream().map(Dyad::parse).toList();
        int queries = Integer.parseInt(args[i + 1]);
        Random random = new Random(Long.parseLong(args[i + 2]));
        HeapSampler sampler = HeapSampler.start();
        Map<String, Object> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try {
            Entente.Builder builder = h2 ? Entente.builder().h2(Path.of(args[1])) : Entente.builder().postgres(args[1], args[2], "", 4);
            try (Entente entente = builder.build()) {
                entente.awaitCaughtUp(Duration.ofHours(2));
                out.put("open_seconds", (System.nanoTime() - t0) / 1e9);
                long span = Generator.LAST_DAY.toEpochDay() - Generator.FIRST_DAY.toEpochDay();
                long t1 = System.nanoTime();
                for (int q = 0; q < queries; q++) {
                    Dyad d = dyads.get(random.nextInt(dyads.size()));
                    entente.partnership(d, When.asOf(LocalDate.ofEpochDay(Generator.FIRST_DAY.toEpochDay() + (long) (random.nextDouble() * (span + 1)))));
                }
                out.put("queries", queries);
                out.put("dyads", dyads.size());
                out.put("query_seconds", (System.nanoTime() - t1) / 1e9);
            }
            out.put("ok", true);
        } catch (OutOfMemoryError e) {
            out.put("ok", false);
            out.put("error", "OutOfMemoryError: " + e.getMessage());
        }
        sampler.reportAndHalt(out);
    }
}
