package org.entente.core.relationship;

import static org.entente.core.relationship.Facts.FRA;
import static org.entente.core.relationship.Facts.NER;
import static org.entente.core.relationship.Facts.USA;
import static org.entente.core.relationship.Facts.on;

import java.util.List;
import org.entente.core.Country;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.Source.Confidence;
import org.entente.core.Source.Kind;

/** The Niger–US and Niger–France stories of docs/DOMAIN.md, encoded as its seed table says, with the fluent API. */
final class NigerStory {

    private NigerStory() {
    }

    static Source reported(String publisher) {
        return Source.of(Kind.ARTICLE, Confidence.REPORTED).withPublisher(publisher);
    }

    static Source statement(String publisher) {
        return Source.of(Kind.OFFICIAL_STATEMENT, Confidence.OFFICIAL).withPublisher(publisher);
    }

    private static Fact fact(String id, HappenedOn when, Country actor, Country target, Source source) {
        return Fact.id(id).on(when).by(actor).towards(target).source(source);
    }

    // ------------------------------------------------------------------------------- Niger–US

    static final FactCommand.SignAgreement USA_SOFA = fact("usa-sofa-2012", HappenedOn.year(2012), NER, USA, Source.background())
            .signAgreement(AgreementKind.STATUS_OF_FORCES)
            .title("agreement on the status of US military and civilian Defense personnel").command();

    static final FactCommand.StationForces USA_FORCES_NIAMEY = fact("usa-forces-niamey", on("2013-02-22"), USA, NER, Source.background())
            .stationForces().location("Niamey").size(100).bases("Air Base 101").invited().command();

    static final FactCommand.StationForces USA_FORCES_AGADEZ = fact("usa-forces-agadez", HappenedOn.month(2019, 11), USA, NER, Source.background())
            .stationForces().location("Agadez").bases("Air Base 201").invited().command();

    static final FactCommand.HoldTalks USA_TALKS = fact("usa-talks-2024-03", on("2024-03-12"), USA, NER, reported("KUNA (menafn.com)"))
            .holdTalks().subject("US delegation (Molly Phee, Gen. Langley) in Niamey").command();

    static final FactCommand.DenounceAgreement USA_DENOUNCE = fact("usa-denounce", on("2024-03-16"), NER, USA, reported("RT (rt.com/africa/594362)"))
            .denounceAgreement("usa-sofa-2012").command();

    static final FactCommand.ScheduleWithdrawal USA_SCHEDULE = fact("usa-schedule", on("2024-04-19"), USA, NER, reported("CBS (exbulletin)"))
            .scheduleWithdrawal().command();

    static final FactCommand.ScheduleWithdrawal USA_DEADLINE = fact("usa-deadline", on("2024-05-19"), USA, NER,
            statement("peoplesgazette.com (full text)")).scheduleWithdrawal().deadline(2024, 9, 15).command();

    static final FactCommand.HandOverBase USA_HANDOVER_101 = fact("usa-handover-101", on("2024-07-07"), USA, NER, reported("TASS (russia-islworld)"))
            .handOverBase("usa-forces-niamey", "Air Base 101").command();

    static final FactCommand.HandOverBase USA_HANDOVER_201 = fact("usa-handover-201", on("2024-08-05"), USA, NER, statement("AFRICOM (allafrica.com)"))
            .handOverBase("usa-forces-agadez", "Air Base 201").command();

    static final FactCommand.CompleteWithdrawal USA_COMPLETE = fact("usa-complete", on("2024-08-05"), USA, NER, statement("AFRICOM (allafrica.com)"))
            .completeWithdrawal().forces("usa-forces-niamey", "usa-forces-agadez").command();

    /** The Niger–US structural story, in the order it happened. */
    static List<FactCommand> usa() {
        return List.of(USA_SOFA, USA_FORCES_NIAMEY, USA_FORCES_AGADEZ, USA_DENOUNCE, USA_SCHEDULE, USA_DEADLINE,
                USA_HANDOVER_101, USA_HANDOVER_201, USA_COMPLETE);
    }

    // ---------------------------------------------------------------------------- Niger–France

    static final FactCommand.SignAgreement FRA_AGREEMENTS = fact("fra-agreements", HappenedOn.year(1977), NER, FRA, Source.background())
            .signAgreement(AgreementKind.DEFENCE_COOPERATION).command();

    static final FactCommand.StationForces FRA_FORCES = fact("fra-forces", on("2014-08-01"), FRA, NER, Source.background())
            .stationForces().location("Niamey").size(1500).bases("Niamey air base").invited().command();

    static final FactCommand.DenounceAgreement FRA_DENOUNCE = fact("fra-denounce", on("2023-08-03"), NER, FRA, reported("Reuters (devdiscourse.com)"))
            .denounceAgreement("fra-agreements").command();

    static final FactCommand.RecallEnvoy NER_RECALL_FROM_FRANCE = fact("ner-recall-2023-fra", on("2023-08-03"), NER, FRA, reported("news18.com"))
            .recallEnvoy(EnvoyRole.AMBASSADOR).command();

    static final FactCommand.ScheduleWithdrawal FRA_SCHEDULE = fact("fra-schedule", on("2023-09-24"), FRA, NER, reported("KUNA (menafn.com)"))
            .scheduleWithdrawal().deadline(2023, 12, 31).command();

    static final FactCommand.CompleteWithdrawal FRA_COMPLETE = fact("fra-complete", on("2023-12-22"), FRA, NER, reported("Le Figaro (iodenews)"))
            .completeWithdrawal().forces("fra-forces").command();

    /** The Niger–France story, in the order it happened. */
    static List<FactCommand> france() {
        return List.of(FRA_AGREEMENTS, FRA_FORCES, FRA_DENOUNCE, NER_RECALL_FROM_FRANCE, FRA_SCHEDULE, FRA_COMPLETE);
    }
}
