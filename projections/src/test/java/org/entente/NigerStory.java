package org.entente;

import static org.entente.testsupport.Facts.*;

import java.util.ArrayList;
import java.util.List;
import org.entente.core.FactId;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.AttacheService;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.FactCommand;

/** docs/DOMAIN.md's "Encoding the story" table, built in code for the projection tests. */
final class NigerStory {

    private NigerStory() {
    }

    static List<FactCommand> facts() {
        List<FactCommand> all = new ArrayList<>(nigerUsa());
        all.add(fact("ner-recall-2023-usa", "2023-08-03", NER, USA).recallEnvoy(EnvoyRole.AMBASSADOR).command());
        all.add(sign("fra-agreements", "1977-01-01", NER, FRA, AgreementKind.DEFENCE_COOPERATION));
        all.add(station("fra-forces", "2014-08-01", FRA, NER, "Niamey air base"));
        all.add(denounce("fra-denounce", "2023-08-03", NER, FRA, "fra-agreements"));
        all.add(fact("ner-recall-2023-fra", "2023-08-03", NER, FRA).recallEnvoy(EnvoyRole.AMBASSADOR).command());
        all.add(schedule("fra-schedule", "2023-09-24", FRA, NER, "2023-12-31"));
        all.add(fact("fra-recall-2023", "2023-09-24", FRA, NER).recallEnvoy(EnvoyRole.AMBASSADOR).command());
        all.add(complete("fra-complete", "2023-12-22", FRA, NER, "fra-forces"));
        all.add(talks("chn-talks-2023", "2023-09-02", CHN, NER));
        all.add(station("rus-forces", "2024-04-10", RUS, NER));
        all.add(talks("chn-talks", "2024-04-23", CHN, NER));
        all.add(pledge("chn-pledge", "2024-04-23", CHN, NER, CooperationDomain.SECURITY));
        all.add(fact("tur-attache", "2024-04-26", TUR, NER).appointAttache("Serkan Kaya").rank("Colonel")
                .service(AttacheService.DEFENCE).command());
        all.add(pledge("tur-pledge", "2024-04-26", TUR, NER, CooperationDomain.MILITARY));
        all.add(talks("tur-visit", "2024-07-17", TUR, NER));
        all.add(pledge("tur-visit-pledge", "2024-07-17", TUR, NER, CooperationDomain.MILITARY, CooperationDomain.INTELLIGENCE));
        return all;
    }

    static FactId id(String value) {
        return FactId.of(value);
    }
}
