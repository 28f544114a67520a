package org.entente.reliability;

import java.io.PrintStream;
import java.nio.file.Path;
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

/**
 * The child JVM of the crash tests: records facts one at a time and in batches, and prints
 * {@code ACK <fact-id>} after each call returned, until it is killed.
 *
 * <p>Arguments: {@code h2 DIR RUN COUNT} or {@code pg URL USER SCHEMA RUN COUNT}; or {@code --spare DIR}, and
 * those arguments on standard input once it has warmed up ({@link ChildJvm#spare}).
 */
public final class CrashWriter {

    static final List<Country> PARTNERS = List.of("USA", "FRA", "CHN", "TUR", "RUS", "DEU", "ITA", "GBR", "JPN", "IND")
            .stream().map(Country::of).toList();

    private CrashWriter() {
    }

    static FactCommand talks(String run, int n) {
        Country partner = PARTNERS.get(n % PARTNERS.size());
        return new FactCommand.HoldTalks(new FactHeader(FactId.of(run + "-" + n),
                HappenedOn.day(LocalDate.of(2020, 1, 1).plusDays(n % 1500)), partner, Country.of("NER"),
                List.of(Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublisher("crash test"))),
                Optional.of("talks " + n));
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("disable-axoniq-console-message", "true");
        if (args[0].equals(ChildJvm.SPARE)) {
            // Started ahead of its job (ChildJvm.spare): warm up, then wait for the arguments.
            CrashChild.warmUp(Path.of(args[1]));
            args = ChildJvm.readJob();
            if (args == null) {
                return;
            }
        }
        PrintStream out = System.out;
        Entente entente;
        String run;
        int count;
        if (args[0].equals("h2")) {
            entente = Entente.h2(Path.of(args[1]));
            run = args[2];
            count = Integer.parseInt(args[3]);
        } else {
            // Entente's own pool: a connection per statement cost most of the child's time.
            entente = Entente.builder().postgres(CrashChild.schemaUrl(args[1], args[3]), args[2], "", 4).build();
            run = args[4];
            count = Integer.parseInt(args[5]);
        }
        out.println("STARTED");
        out.flush();
        int n = 0;
        while (n < count) {
            if (n % 50 == 0) {
                List<FactCommand> batch = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    batch.add(talks(run, n + i));
                }
                entente.recordAll(batch);
                for (FactCommand c : batch) {
                    out.println("ACK " + c.fact().id());
                }
                n += 25;
            } else {
                FactCommand c = talks(run, n);
                entente.record(c);
                out.println("ACK " + c.fact().id());
                n++;
            }
            out.flush();
        }
        entente.close();
        out.println("DONE");
        out.flush();
    }
}
