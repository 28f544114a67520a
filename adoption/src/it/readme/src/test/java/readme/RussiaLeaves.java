package readme;

import java.time.LocalDate;
import java.util.List;
import org.entente.core.Country;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactHeader;

/** A fact the rules refuse, for the README's fixture example. */
final class RussiaLeaves {

    private RussiaLeaves() {
    }

    static FactCommand command(Country rus, Country ner) {
        Source invented = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withNote("a test's invented fact");
        return new FactCommand.CompleteWithdrawal(
                FactHeader.of("rus-complete", HappenedOn.day(2024, 6, 1), rus, ner, invented), List.of());
    }
}
