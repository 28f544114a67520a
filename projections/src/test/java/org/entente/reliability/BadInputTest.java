package org.entente.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactHeader;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.durability.Digests;
import org.entente.simulation.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oversized, malformed and hostile input to the library's entry points is refused with a clear error
 * and leaves the store unchanged; text reaches SQL only as bind parameters. (Seed files and the
 * command line have their own hostile-input tests in their modules.)
 */
class BadInputTest {

    @TempDir
    Path directory;

    private static String huge(int n) {
        return String.join("", Collections.nCopies(n, "x"));
    }

    @Test
    void malformedValuesAreRefusedBeforeAnythingIsWritten() throws Exception {
        try (Entente entente = Entente.h2(directory)) {
            entente.recordAll(List.of(talks("before", "2024-01-01", USA, NER)));
            entente.awaitCaughtUp(java.time.Duration.ofSeconds(30));
            String before = Digests.projectionRows(entente);
            int refused = 0;
            List<Runnable> attempts = List.of(
                    () -> Country.of("XXX"),
                    () -> Country.of(huge(100_000)),
                    () -> Dyad.parse("NER-NER"),
                    () -> FactId.of(huge(129)),
                    () -> FactId.of("x'; DROP TABLE DomainEventEntry; --"),
                    () -> HappenedOn.day(LocalDate.of(9999, 1, 1)),
                    () -> HappenedOn.day(LocalDate.of(1, 1, 1)),
                    () -> Source.background().withPublisher(huge(2001)),
                    () -> new FactCommand.HoldTalks(header("big", "2024-01-02", USA, NER), Optional.of(huge(2001))),
                    () -> new FactCommand.StationForces(header("many-bases", "2024-01-02", USA, NER), Optional.empty(),
                            Optional.empty(), Collections.nCopies(101, "base"), true),
                    () -> new FactCommand.StationForces(header("no-troops", "2024-01-02", USA, NER), Optional.empty(),
                            Optional.of(0), List.of(), true),
                    () -> new FactHeader(FactId.of("no-source"), HappenedOn.day(2024, 1, 2), USA, NER, List.of()),
                    () -> new FactHeader(FactId.of("same"), HappenedOn.day(2024, 1, 2), USA, USA, List.of(source())),
                    () -> new RelationshipCommand.RetractFacts(List.of(FactId.of("before")), " "),
                    () -> new RelationshipCommand.RetractFacts(List.of(FactId.of("before")), huge(2001)),
                    () -> entente.simulate(Scenario.branchAt(LocalDate.of(2024, 1, 1)).remove(FactId.of("nothing"))),
                    () -> When.asOf(null));
            for (Runnable attempt : attempts) {
                assertThatThrownBy(attempt::run).as("attempt #%d", refused).isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
                        .satisfies(e -> assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(600));
                refused++;
            }
            assertThat(refused).isEqualTo(attempts.size());
            assertThat(Digests.projectionRows(entente)).isEqualTo(before);
            assertThat(entente.history(Dyad.of(NER, USA)).orElseThrow().size()).isEqualTo(1);
            System.out.printf("bad input: %d malformed values refused, store unchanged%n", refused);
        }
    }

    @Test
    void hostileTextIsStoredVerbatimThroughBindParametersAndBreaksNothing() throws Exception {
        String hostile = "'); DROP TABLE DomainEventEntry; DELETE FROM entente_fact_id; --";
        try (Entente entente = Entente.h2(directory)) {
            Source source = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublisher(hostile).withTitle(hostile);
            entente.record(new FactCommand.HoldTalks(new FactHeader(FactId.of("hostile"), HappenedOn.day(2024, 1, 1), USA, NER,
                    List.of(source)), Optional.of(hostile)));
            entente.awaitCaughtUp(java.time.Duration.ofSeconds(30));
            try (Connection c = entente.store().connections().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            FactCommand stored = FactCommand.of(entente.history(Dyad.of(NER, USA)).orElseThrow().facts().get(0));
            assertThat(((FactCommand.HoldTalks) stored).subject()).contains(hostile);
            assertThat(stored.fact().sources().get(0).publisher()).contains(hostile);
        }
    }
}
