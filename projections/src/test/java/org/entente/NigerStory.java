package org.entente;

import static org.entente.testsupport.Facts.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.core.FactId;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.FactCommand;

/** docs/DOMAIN.md's "Encoding the story" table, built in code for the projection tests. */
final class NigerStory {

    private NigerStory() {
    }

    static List<FactCommand> facts() {
        List<FactCommand> all = new ArrayList<>(nigerUsa());
        all.add(new FactCommand.RecallEnvoy(header("ner-recall-2023-usa", "2023-08-03", NER, USA), Optional.empty(), EnvoyRole.AMBASSADOR));
        all.add(sign("fra-agreements", "1977-01-01", NER, FRA, AgreementKind.DEFENCE_COOPERATION));
        all.add(station("fra-forces", "2014-08-01", FRA, NER, "Niamey air base"));
        all.add(denounce("fra-denounce", "2023-08-03", NER, FRA, "fra-agreements"));
        all.add(new FactCommand.RecallEnvoy(header("ner-recall-2023-fra", "2023-08-03", NER, FRA), Optional.empty(), EnvoyRole.AMBASSADOR));
        all.add(schedule("fra-schedule", "2023-09-24", FRA, NER, "2023-12-31"));
        all.add(new FactCommand.RecallEnvoy(header("fra-recall-2023", "2023-09-24", FRA, NER), Optional.empty(), EnvoyRole.AMBASSADOR));
        all.add(complete("fra-complete", "2023-12-22", FRA, NER, "fra-forces"));
        all.add(talks("chn-talks-2023", "2023-09-02", CHN, NER));
        all.add(station("rus-forces", "2024-04-10", RUS, NER));
        all.add(talks("chn-talks", "2024-04-23", CHN, NER));
        all.add(pledge("chn-pledge", "2024-04-23", CHN, NER, CooperationDomain.SECURITY));
        all.add(new FactCommand.AppointAttache(header("tur-attache", "2024-04-26", TUR, NER), Optional.of("Serkan Kaya"),
                Optional.of("Colonel"), "defence"));
        all.add(pledge("tur-pledge", "2024-04-26", TUR, NER, CooperationDomain.MILITARY));
        all.add(talks("tur-visit", "2024-07-17", TUR, NER));
        all.add(pledge("tur-visit-pledge", "2024-07-17", TUR, NER, CooperationDomain.MILITARY, CooperationDomain.INTELLIGENCE));
        return all;
    }

    static FactId id(String value) {
        return FactId.of(value);
    }
}
