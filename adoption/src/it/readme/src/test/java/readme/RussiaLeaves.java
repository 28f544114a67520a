package readme;

import org.entente.core.Country;
import org.entente.core.Source;
import org.entente.core.relationship.Fact;
import org.entente.core.relationship.FactCommand;

/** A fact the rules refuse, for the README's fixture example. */
final class RussiaLeaves {

    private RussiaLeaves() {
    }

    static FactCommand command(Country rus, Country ner) {
        Source invented = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withNote("a test's invented fact");
        return Fact.id("rus-complete").on(2024, 6, 1).by(rus).towards(ner).source(invented).completeWithdrawal().command();
    }
}
