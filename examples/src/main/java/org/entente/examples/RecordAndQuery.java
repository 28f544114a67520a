package org.entente.examples;

import java.time.LocalDate;
import java.util.List;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.Source;
import org.entente.core.relationship.AttacheService;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.Fact;
import org.entente.core.text.TerminalText;
import org.entente.partnership.Partnership;

/**
 * An application records the article's Turkish facts and asks for the Niger–Turkey partnership on a
 * date, the way any program that imports Entente would.
 */
public final class RecordAndQuery {

    private RecordAndQuery() {
    }

    /** Records two facts in memory and describes the partnership before and after them. */
    public static String run() {
        Country ner = Country.of("NER");
        Country tur = Country.of("TUR");
        Source article = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED)
                .withTitle("Armée : après le renvoi des États-Unis, deux pays apportent une excellente nouvelle au Niger")
                .withPublished(LocalDate.of(2024, 4, 26));
        try (Entente entente = Entente.inMemory()) {
            entente.recordAll(List.of(
                    Fact.id("tur-attache").on(2024, 4, 26).by(tur).towards(ner).source(article)
                            .appointAttache("Serkan Kaya").rank("Colonel").service(AttacheService.DEFENCE).command(),
                    Fact.id("tur-pledge").on(2024, 4, 26).by(tur).towards(ner).source(article)
                            .pledgeCooperation(CooperationDomain.MILITARY).command()));
            Partnership before = entente.partnership(Dyad.of(ner, tur), When.asOf(LocalDate.of(2024, 4, 25)));
            Partnership after = entente.partnership(Dyad.of(ner, tur), When.asOf(LocalDate.of(2024, 4, 30)));
            return "NER-TUR on 2024-04-25: " + before.status() + "\n"
                    + "NER-TUR on 2024-04-30: " + after.status() + ", security weight " + after.securityWeight()
                    + ", envoys " + after.envoys().stream().map(e -> TerminalText.escape(e.rank().orElse("") + " " + e.name().orElse(""))).toList()
                    + ", temperature " + after.temperature() + "\n";
        }
    }

    /** Prints {@link #run()}. */
    public static void main(String[] args) {
        System.out.print(run());
    }
}
