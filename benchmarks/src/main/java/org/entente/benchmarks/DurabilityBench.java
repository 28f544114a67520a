package org.entente.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactHeader;
import org.entente.core.store.EntenteStore;

/**
 * The cost of durable commits on H2 (issue 7): facts per second recorded one at a time and in a batch,
 * with {@code WRITE_DELAY=0} (Entente's default: a commit is written before it returns) and with H2's
 * own background writes, alternating the two three times in one run and keeping each one's median.
 *
 * <pre>java -cp benchmarks/target/entente-benchmarks.jar org.entente.benchmarks.DurabilityBench [FACTS]</pre>
 */
public final class DurabilityBench {

    private DurabilityBench() {
    }

    public static void main(String[] args) throws Exception {
        int facts = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<FactCommand> commands = new ArrayList<>();
        List<Country> partners = Country.all().subList(0, 40);
        for (int i = 0; i < facts; i++) {
            Country p = partners.get(i % partners.size());
            Country other = p.equals(Country.of("NER")) ? Country.of("USA") : Country.of("NER");
            commands.add(new FactCommand.HoldTalks(new FactHeader(FactId.of("t-" + i), HappenedOn.day(LocalDate.of(2020, 1, 1).plusDays(i)),
                    p, other, List.of(Source.background())), Optional.empty()));
        }
        double[][] single = new double[2][3];
        double[][] batch = new double[2][3];
        for (int round = 0; round < 3; round++) {
            for (int durable = 0; durable < 2; durable++) {
                single[durable][round] = rate(commands, durable == 1, false);
                batch[durable][round] = rate(commands, durable == 1, true);
            }
        }
        System.out.printf("record() one at a time, facts/s: durable %.0f, background writes %.0f (ratio %.2f)%n",
                median(single[1]), median(single[0]), median(single[1]) / median(single[0]));
        System.out.printf("recordAll() batch, facts/s: durable %.0f, background writes %.0f (ratio %.2f)%n",
                median(batch[1]), median(batch[0]), median(batch[1]) / median(batch[0]));
    }

    private static double rate(List<FactCommand> commands, boolean durable, boolean asBatch) throws Exception {
        Path dir = Files.createTempDirectory("durability");
        try (EntenteStore store = EntenteStore.builder().h2(dir).durableCommits(durable).build()) {
            long start = System.nanoTime();
            if (asBatch) {
                store.recordAll(commands);
            } else {
                for (FactCommand c : commands) {
                    store.record(c);
                }
            }
            return commands.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}
