# Generates FactCommand.java and FactEvent.java from one table, so the two families cannot drift.
# fields: (type, name, doc)
specs = [
 ("EstablishRelations","RelationsEstablished","ESTABLISH_RELATIONS",[],"Diplomatic relations are established (they are presumed to exist unless severed)."),
 ("RestoreRelations","RelationsRestored","RESTORE_RELATIONS",[],"Relations that were severed or downgraded are restored in full."),
 ("DowngradeRelations","RelationsDowngraded","DOWNGRADE_RELATIONS",[],"Relations are downgraded (for example to chargé d'affaires level)."),
 ("SeverRelations","RelationsSevered","SEVER_RELATIONS",[],"Diplomatic relations are severed; every envoy of either side leaves post."),
 ("AccreditAmbassador","AmbassadorAccredited","ACCREDIT_AMBASSADOR",[("EnvoyRole","level","AMBASSADOR or CHARGE_D_AFFAIRES"),("Optional<String>","name","the envoy's name, if known")],"The actor accredits a head of mission to the target (an ambassador, or a chargé d'affaires); it replaces the actor's previous head of mission there."),
 ("AppointAttache","AttacheAppointed","APPOINT_ATTACHE",[("Optional<String>","name","the attaché's name"),("Optional<String>","rank","military rank, for example Colonel"),("String","service","defence, army, naval or air")],"The actor appoints a defence attaché to its embassy in the target; it replaces the actor's previous attaché there."),
 ("RecallEnvoy","EnvoyRecalled","RECALL_ENVOY",[("Optional<FactId>","appointment","the fact that appointed the envoy, when it was recorded"),("EnvoyRole","role","the envoy's role")],"The actor recalls its own envoy from the target."),
 ("ExpelEnvoy","EnvoyExpelled","EXPEL_ENVOY",[("Optional<FactId>","appointment","the fact that appointed the envoy, when it was recorded"),("EnvoyRole","role","the envoy's role")],"The actor (the host) expels the target's envoy."),
 ("SignAgreement","AgreementSigned","SIGN_AGREEMENT",[("AgreementKind","agreementKind","what the agreement is about"),("Optional<String>","title","its title, if known")],"The two countries sign an agreement; it is in force from the day it happened. Later facts name it by this fact's id."),
 ("SuspendAgreement","AgreementSuspended","SUSPEND_AGREEMENT",[("FactId","agreement","the signing's fact id")],"The actor suspends an agreement in force."),
 ("DenounceAgreement","AgreementDenounced","DENOUNCE_AGREEMENT",[("FactId","agreement","the signing's fact id")],"The actor denounces an agreement in force or suspended; it ends."),
 ("RestoreAgreement","AgreementRestored","RESTORE_AGREEMENT",[("FactId","agreement","the signing's fact id")],"An agreement that was suspended or denounced is in force again."),
 ("StationForces","ForcesStationed","STATION_FORCES",[("Optional<String>","location","where, for example Niamey"),("Optional<Integer>","size","about how many personnel"),("List<String>","bases","the bases they use"),("boolean","invited","whether at the host's invitation")],"The actor stations forces in the target. Later facts name them by this fact's id."),
 ("DemandWithdrawal","WithdrawalDemanded","DEMAND_WITHDRAWAL",[("List<FactId>","forces","the stationings concerned; empty for all of the target's forces in the actor")],"The actor (the host) demands that the target's forces leave."),
 ("ScheduleWithdrawal","WithdrawalScheduled","SCHEDULE_WITHDRAWAL",[("Optional<LocalDate>","deadline","the day by which it ends, if set"),("List<FactId>","forces","the stationings concerned; empty for all of the actor's forces in the target")],"The actor (whose forces leave) schedules their withdrawal from the target; a later scheduling updates the deadline."),
 ("HandOverBase","BaseHandedOver","HAND_OVER_BASE",[("FactId","forces","the stationing that used the base"),("String","base","the base handed over")],"The actor (whose forces leave) hands a base over to the target."),
 ("CompleteWithdrawal","WithdrawalCompleted","COMPLETE_WITHDRAWAL",[("List<FactId>","forces","the stationings that end; empty for all of the actor's forces in the target")],"The actor's forces have left the target; the withdrawal must have been scheduled."),
 ("PledgeCooperation","CooperationPledged","PLEDGE_COOPERATION",[("List<CooperationDomain>","domains","the fields covered, at least one")],"A government's formal pledge of cooperation with the target."),
 ("HoldTalks","TalksHeld","HOLD_TALKS",[("Optional<String>","subject","what was discussed")],"Talks, a visit or consultations between the two (an interaction: it does not change structure)."),
 ("ImposeSanctions","SanctionsImposed","IMPOSE_SANCTIONS",[("String","description","what the sanctions are")],"The actor imposes sanctions on the target. Later facts name them by this fact's id."),
 ("LiftSanctions","SanctionsLifted","LIFT_SANCTIONS",[("FactId","sanctions","the fact that imposed them")],"The actor lifts sanctions it imposed on the target."),
 ("RecordInteraction","InteractionRecorded","RECORD_INTERACTION",[("CameoCode","code","the CAMEO event code"),("double","goldstein","the Goldstein value of the code"),("String","description","a short description")],"A coded interaction (statement, criticism, threat, visit...) as event data records it."),
]

def camel_to_words(n):
    import re
    return re.sub(r'(?<!^)([A-Z])', r' \1', n).lower()

def params(fields):
    return ", ".join(["FactHeader fact"] + [f"{t} {n}" for t,n,_ in fields])

def args(fields):
    return ", ".join(["fact"] + [n for _,n,_ in fields])

def param_docs(fields, indent):
    out = [f"{indent} * @param fact the fact's id, date, actor, target and sources"]
    for t,n,d in fields:
        out.append(f"{indent} * @param {n} {d}")
    return "\n".join(out)

def validation(fields, indent):
    lines = [f"{indent}    Objects.requireNonNull(fact, \"fact\");"]
    for t,n,d in fields:
        if t == "boolean" or t == "double":
            continue
        if t.startswith("List<"):
            lines.append(f"{indent}    {n} = Texts.list(fact, \"{n}\", {n});")
            if t == "List<String>":
                lines.append(f"{indent}    {n}.forEach(x -> Texts.text(fact, \"{n}\", x));")
        elif t == "String":
            lines.append(f"{indent}    Texts.text(fact, \"{n}\", {n});")
        elif t == "Optional<String>":
            lines.append(f"{indent}    Objects.requireNonNull({n}, \"{n}\").ifPresent(x -> Texts.text(fact, \"{n}\", x));")
        else:
            lines.append(f"{indent}    Objects.requireNonNull({n}, \"{n}\");")
    return "\n".join(lines)

ev = []
ev.append('''package org.entente.core.relationship;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.CameoCode;
import org.entente.core.FactId;
import org.entente.core.relationship.RelationshipEvent.FactCorrected;
import org.entente.core.relationship.RelationshipEvent.FactsRetracted;

/**
 * A fact of a bilateral relationship, as stored: one event per kind, named in the past tense.
 *
 * <p>Generated from one table with {@link FactCommand} (see {@code core/src/build/gen-facts.py}), so the
 * two families cannot drift apart. Every place that handles facts implements {@link Visitor}: a new
 * kind that a projection forgets does not compile.
 */
public sealed interface FactEvent extends RelationshipEvent {

    /** The fact's id, date, actor, target and sources. */
    FactHeader fact();

    /** The kind, which gives the lifecycle rank. */
    FactKind kind();

    /** Calls the visitor's method for this event's type. */
    <R> R accept(Visitor<R> visitor);

    @Override
    default org.entente.core.Dyad dyad() {
        return fact().dyad();
    }

    @Override
    default <R> R match(java.util.function.Function<? super FactEvent, R> onFact,
                        java.util.function.Function<? super FactsRetracted, R> onRetracted,
                        java.util.function.Function<? super FactCorrected, R> onCorrected) {
        return onFact.apply(this);
    }

    /** One method per kind of fact. */
    interface Visitor<R> {''')
for c,e,k,f,doc in specs:
    ev.append(f"        R visit({e} event);\n")
ev.append("    }\n")
for c,e,k,f,doc in specs:
    val = validation(f, "        ")
    extra = ""
    if e == "ForcesStationed":
        extra = "\n            size.ifPresent(s -> {\n                if (s < 1) {\n                    throw new IllegalArgumentException(\"fact \" + fact.id() + \": size \" + s + \" must be at least 1\");\n                }\n            });"
    if e == "CooperationPledged":
        extra = "\n            domains = domains.stream().distinct().sorted().toList();\n            if (domains.isEmpty()) {\n                throw new IllegalArgumentException(\"fact \" + fact.id() + \": a pledge names at least one domain\");\n            }"
    ev.append(f'''
    /**
     * {doc}
     *
{param_docs(f, "    ")}
     */
    record {e}({params(f)}) implements FactEvent {{
        public {e} {{
{val}{extra}
        }}

        @Override
        public FactKind kind() {{
            return FactKind.{k};
        }}

        @Override
        public <R> R accept(Visitor<R> visitor) {{
            return visitor.visit(this);
        }}
    }}
''')
ev.append("}\n")
open("FactEvent.java","w").write("\n".join([ev[0]] + ["".join(ev[1:])]))

cm = ['''package org.entente.core.relationship;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.CameoCode;
import org.entente.core.FactId;

/**
 * A command that records one fact on a bilateral relationship, named in the imperative. Each becomes
 * the {@link FactEvent} of the same kind when the rules accept it ({@link #toEvent()}).
 *
 * <pre>{@code
 * FactCommand attache = new FactCommand.AppointAttache(
 *         FactHeader.of("tur-attache", HappenedOn.day(2024, 4, 26), TUR, NER, article),
 *         Optional.of("Serkan Kaya"), Optional.of("Colonel"), "defence");
 * }</pre>
 */
public sealed interface FactCommand extends RelationshipCommand {

    /** The fact's id, date, actor, target and sources. */
    FactHeader fact();

    /** The event this command records when accepted. */
    FactEvent toEvent();

    /** The kind, which gives the lifecycle rank. */
    default FactKind kind() {
        return toEvent().kind();
    }

    /**
     * The command that would record this event again (used to read facts back into commands, for
     * example from a stored history into a simulation).
     */
    static FactCommand of(FactEvent event) {
        return event.accept(new FactEvent.Visitor<FactCommand>() {''']
for c,e,k,f,doc in specs:
    cm.append(f'''
            @Override
            public FactCommand visit(FactEvent.{e} x) {{
                return new {c}({", ".join(["x.fact()"] + ["x." + n + "()" for _,n,_ in f if not (c == "RecordInteraction" and n == "goldstein")])});
            }}
''')
cm.append("        });\n    }\n")
for c,e,k,f,doc in specs:
    ef = f
    if c == "RecordInteraction":
        f = [x for x in f if x[1] != "goldstein"]
    val = validation(f, "        ")
    if c == "StationForces":
        val += "\n            size.ifPresent(s -> {\n                if (s < 1) {\n                    throw new IllegalArgumentException(\"fact \" + fact.id() + \": size \" + s + \" must be at least 1\");\n                }\n            });"
    if c == "PledgeCooperation":
        val += "\n            domains = domains.stream().distinct().sorted().toList();\n            if (domains.isEmpty()) {\n                throw new IllegalArgumentException(\"fact \" + fact.id() + \": a pledge names at least one domain\");\n            }"
    ctor_args = args(ef).replace("goldstein", "code.goldstein()")
    cm.append(f'''
    /**
     * {doc}
     *
{param_docs(f, "    ")}
     */
    record {c}({params(f)}) implements FactCommand {{
        public {c} {{
{val}
        }}

        @Override
        public FactEvent.{e} toEvent() {{
            return new FactEvent.{e}({ctor_args});
        }}
    }}
''')
cm.append("}\n")
open("FactCommand.java","w").write("".join(cm))
