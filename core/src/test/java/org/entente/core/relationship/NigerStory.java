package org.entente.core.relationship;

import static org.entente.core.relationship.Facts.FRA;
import static org.entente.core.relationship.Facts.NER;
import static org.entente.core.relationship.Facts.USA;
import static org.entente.core.relationship.Facts.date;
import static org.entente.core.relationship.Facts.id;
import static org.entente.core.relationship.Facts.ids;
import static org.entente.core.relationship.Facts.on;

import java.util.List;
import java.util.Optional;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.Source.Confidence;
import org.entente.core.Source.Kind;

/** The Niger–US and Niger–France stories of docs/DOMAIN.md, encoded as its seed table says. */
final class NigerStory {

    private NigerStory() {
    }

    static Source reported(String publisher) {
        return Source.of(Kind.ARTICLE, Confidence.REPORTED).withPublisher(publisher);
    }

    static Source statement(String publisher) {
        return Source.of(Kind.OFFICIAL_STATEMENT, Confidence.OFFICIAL).withPublisher(publisher);
    }

    private static FactHeader fact(String id, HappenedOn when, Country actor, Country target, Source source) {
        return FactHeader.of(id, when, actor, target, source);
    }

    // ------------------------------------------------------------------------------- Niger–US

    static final FactCommand.SignAgreement USA_SOFA = new FactCommand.SignAgreement(
            fact("usa-sofa-2012", HappenedOn.year(2012), NER, USA, Source.background()),
            AgreementKind.STATUS_OF_FORCES,
            Optional.of("agreement on the status of US military and civilian Defense personnel"));

    static final FactCommand.StationForces USA_FORCES_NIAMEY = new FactCommand.StationForces(
            fact("usa-forces-niamey", on("2013-02-22"), USA, NER, Source.background()),
            Optional.of("Niamey"), Optional.of(100), List.of("Air Base 101"), true);

    static final FactCommand.StationForces USA_FORCES_AGADEZ = new FactCommand.StationForces(
            fact("usa-forces-agadez", HappenedOn.month(2019, 11), USA, NER, Source.background()),
            Optional.of("Agadez"), Optional.empty(), List.of("Air Base 201"), true);

    static final FactCommand.HoldTalks USA_TALKS = new FactCommand.HoldTalks(
            fact("usa-talks-2024-03", on("2024-03-12"), USA, NER, reported("KUNA (menafn.com)")),
            Optional.of("US delegation (Molly Phee, Gen. Langley) in Niamey"));

    static final FactCommand.DenounceAgreement USA_DENOUNCE = new FactCommand.DenounceAgreement(
            fact("usa-denounce", on("2024-03-16"), NER, USA, reported("RT (rt.com/africa/594362)")),
            id("usa-sofa-2012"));

    static final FactCommand.ScheduleWithdrawal USA_SCHEDULE = new FactCommand.ScheduleWithdrawal(
            fact("usa-schedule", on("2024-04-19"), USA, NER, reported("CBS (exbulletin)")),
            Optional.empty(), List.of());

    static final FactCommand.ScheduleWithdrawal USA_DEADLINE = new FactCommand.ScheduleWithdrawal(
            fact("usa-deadline", on("2024-05-19"), USA, NER, statement("peoplesgazette.com (full text)")),
            Optional.of(date("2024-09-15")), List.of());

    static final FactCommand.HandOverBase USA_HANDOVER_101 = new FactCommand.HandOverBase(
            fact("usa-handover-101", on("2024-07-07"), USA, NER, reported("TASS (russia-islworld)")),
            id("usa-forces-niamey"), "Air Base 101");

    static final FactCommand.HandOverBase USA_HANDOVER_201 = new FactCommand.HandOverBase(
            fact("usa-handover-201", on("2024-08-05"), USA, NER, statement("AFRICOM (allafrica.com)")),
            id("usa-forces-agadez"), "Air Base 201");

    static final FactCommand.CompleteWithdrawal USA_COMPLETE = new FactCommand.CompleteWithdrawal(
            fact("usa-complete", on("2024-08-05"), USA, NER, statement("AFRICOM (allafrica.com)")),
            ids("usa-forces-niamey", "usa-forces-agadez"));

    /** The Niger–US structural story, in the order it happened. */
    static List<FactCommand> usa() {
        return List.of(USA_SOFA, USA_FORCES_NIAMEY, USA_FORCES_AGADEZ, USA_DENOUNCE, USA_SCHEDULE, USA_DEADLINE,
                USA_HANDOVER_101, USA_HANDOVER_201, USA_COMPLETE);
    }

    // ---------------------------------------------------------------------------- Niger–France

    static final FactCommand.SignAgreement FRA_AGREEMENTS = new FactCommand.SignAgreement(
            fact("fra-agreements", HappenedOn.year(1977), NER, FRA, Source.background()),
            AgreementKind.DEFENCE_COOPERATION, Optional.empty());

    static final FactCommand.StationForces FRA_FORCES = new FactCommand.StationForces(
            fact("fra-forces", on("2014-08-01"), FRA, NER, Source.background()),
            Optional.of("Niamey"), Optional.of(1500), List.of("Niamey air base"), true);

    static final FactCommand.DenounceAgreement FRA_DENOUNCE = new FactCommand.DenounceAgreement(
            fact("fra-denounce", on("2023-08-03"), NER, FRA, reported("Reuters (devdiscourse.com)")),
            id("fra-agreements"));

    static final FactCommand.RecallEnvoy NER_RECALL_FROM_FRANCE = new FactCommand.RecallEnvoy(
            fact("ner-recall-2023-fra", on("2023-08-03"), NER, FRA, reported("news18.com")),
            Optional.empty(), EnvoyRole.AMBASSADOR);

    static final FactCommand.ScheduleWithdrawal FRA_SCHEDULE = new FactCommand.ScheduleWithdrawal(
            fact("fra-schedule", on("2023-09-24"), FRA, NER, reported("KUNA (menafn.com)")),
            Optional.of(date("2023-12-31")), List.of());

    static final FactCommand.CompleteWithdrawal FRA_COMPLETE = new FactCommand.CompleteWithdrawal(
            fact("fra-complete", on("2023-12-22"), FRA, NER, reported("Le Figaro (iodenews)")),
            List.of(FactId.of("fra-forces")));

    /** The Niger–France story, in the order it happened. */
    static List<FactCommand> france() {
        return List.of(FRA_AGREEMENTS, FRA_FORCES, FRA_DENOUNCE, NER_RECALL_FROM_FRANCE, FRA_SCHEDULE, FRA_COMPLETE);
    }
}
