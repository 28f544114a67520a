package org.entente.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.seeds.SeedTexts.problem;
import static org.entente.seeds.SeedTexts.problems;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.entente.core.FactId;
import org.junit.jupiter.api.Test;

/** Every kind of format problem, with its message, line and column. */
class SeedProblemsTest {

    private static final String SOURCE = "    sources: [{kind: article, confidence: reported, publisher: Reuters}]\n";

    private static void assertProblem(SeedProblem p, int line, int column, String fact, String field, String message) {
        assertThat(p.file()).isEqualTo("test.yaml");
        assertThat(p.line()).as("line of " + p).isEqualTo(line);
        assertThat(p.column()).as("column of " + p).isEqualTo(column);
        assertThat(p.factId()).as("fact of " + p).isEqualTo(Optional.ofNullable(fact).map(FactId::of));
        assertThat(p.field()).as("field of " + p).isEqualTo(field);
        assertThat(p.message()).isEqualTo(message);
    }

    // -------------------------------------------------------------------------------- values

    @Test
    void anUnknownCountryCodeIsReportedWithTheCountrysOwnMessage() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NIG
                    target: USA
                """ + SOURCE);

        assertProblem(p, 7, 12, "a", "actor", "NIG is neither a country's ISO 3166-1 alpha-3 code nor an organisation's acronym;"
                + " did you mean NER (Niger) or NGA (Nigeria)?");
    }

    @Test
    void anUnknownOrganisationIsReportedWithTheClosestAcronyms() {
        List<SeedProblem> ps = problems("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: suspend-membership
                    happened: 2023-07-30
                    actor: ECOWA
                    target: NER
                """ + SOURCE + """
                  - id: b
                    kind: join
                    happened: 1975-05-28
                    actor: NER
                    target: ORG:ECOWA
                """ + SOURCE);

        assertThat(ps).hasSize(2);
        assertProblem(ps.get(0), 7, 12, "a", "actor", "ECOWA is neither a country's ISO 3166-1 alpha-3 code nor an organisation's"
                + " acronym; did you mean ECOWAS (Economic Community of West African States)?");
        assertProblem(ps.get(1), 14, 13, "b", "target", "ORG:ECOWA is not an organisation Entente knows;"
                + " did you mean ECOWAS (Economic Community of West African States)?");
    }

    @Test
    void anAnnouncedWithdrawalWithoutItsEffectiveDayIsReported() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: announce-withdrawal
                    happened: 2024-01-28
                    actor: NER
                    target: ECOWAS
                    effective: 2025-02-30
                """ + SOURCE);

        assertThat(p.field()).isEqualTo("effective");
        assertThat(p.line()).isEqualTo(9);
        assertThat(p.message()).startsWith("'2025-02-30' is not a day");
        assertProblem(problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: announce-withdrawal
                    happened: 2024-01-28
                    actor: NER
                    target: ECOWAS
                """ + SOURCE), 4, 5, "a", "effective",
                "missing required field 'effective' (announce-withdrawal needs it): a day such as 2025-01-29");
    }

    @Test
    void anUnknownKindIsReportedWithTheAcceptedKinds() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talk
                    happened: 2024-04-26
                    actor: NER
                    target: USA
                """ + SOURCE);

        assertProblem(p, 5, 11, "a", "kind", "'hold-talk' is not a kind of fact; accepted: establish-relations,"
                + " restore-relations, accredit-ambassador, appoint-attache, sign-agreement, restore-agreement, station-forces,"
                + " hold-talks, record-interaction, pledge-cooperation, lift-sanctions, impose-sanctions, demand-withdrawal,"
                + " suspend-agreement, denounce-agreement, schedule-withdrawal, hand-over-base, complete-withdrawal,"
                + " recall-envoy, expel-envoy, downgrade-relations, sever-relations, join, suspend-membership,"
                + " reinstate-membership, announce-withdrawal, withdraw");
    }

    @Test
    void aMalformedDateIsReportedWithTheAcceptedForms() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 26/04/2024
                    actor: NER
                    target: USA
                """ + SOURCE);

        assertProblem(p, 6, 15, "a", "happened", "'26/04/2024' is not a date; expected 2024-04-26 (a day), 2024-04 (a month:"
                + " its first day, month precision), 2012 (a year: 1 January, year precision) or {day: 2024-04-15, precision: month}");
    }

    @Test
    void aDayThatDoesNotExistIsReportedWithTheCalendarsReason() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 2023-02-29
                    actor: NER
                    target: USA
                """ + SOURCE);

        assertThat(p.line()).isEqualTo(6);
        assertThat(p.message()).startsWith("'2023-02-29' is not a day (Invalid date 'February 29' as '2023' is not a leap year);"
                + " expected 2024-04-26 (a day)");
    }

    @Test
    void aDateOutsideTheAcceptedRangeIsReportedWithTheCoresMessage() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 1066
                    actor: NER
                    target: USA
                """ + SOURCE);

        assertProblem(p, 6, 15, "a", "happened", "day 1066-01-01 is outside the accepted range 1600-01-01..2199-12-31");
    }

    @Test
    void aDateWrittenAsAMappingIsCheckedFieldByField() {
        List<SeedProblem> ps = problems("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: {day: 2024-04, precision: fortnight, about: mid-April}
                    actor: NER
                    target: USA
                """ + SOURCE);

        assertThat(ps).hasSize(3);
        assertProblem(ps.get(0), 6, 21, "a", "happened.day", "'2024-04' is not a day; expected YYYY-MM-DD such as 2024-09-15");
        assertProblem(ps.get(1), 6, 41, "a", "happened.precision", "'fortnight' is not a precision; accepted: day, month, year");
        assertProblem(ps.get(2), 6, 52, "a", "happened.about", "unknown field 'about' for a date; accepted: day, precision");
    }

    @Test
    void anEnumValueOutsideItsListIsReportedWithTheAcceptedValues() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: sign-agreement
                    happened: 2012
                    actor: NER
                    target: USA
                    agreement-kind: status-of-force
                """ + SOURCE);

        assertProblem(p, 9, 21, "a", "agreement-kind", "'status-of-force' is not an agreement kind; accepted: defence-cooperation,"
                + " status-of-forces, military-assistance, economic, other");
    }

    @Test
    void aHeadOfMissionCannotBeAccreditedAsADefenceAttache() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: accredit-ambassador
                    happened: 2020-01-01
                    actor: NER
                    target: USA
                    level: defence-attache
                """ + SOURCE);

        assertProblem(p, 9, 12, "a", "level", "'defence-attache' is not a head of mission's level; accepted: ambassador, charge-d-affaires");
    }

    @Test
    void aBadCameoCodeIsReportedWithTheCoresMessage() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: record-interaction
                    happened: 2024-04-26
                    actor: NER
                    target: USA
                    cameo: "999"
                    description: a statement
                """ + SOURCE);

        assertProblem(p, 9, 12, "a", "cameo", "'999' is not a CAMEO event code; expected a code of the CAMEO 1.1b3 table,"
                + " two to four digits such as 040 (Consult) or 0874 (Retreat or surrender militarily)");
    }

    @Test
    void aMalformedFactIdIsReportedWithoutAFactId() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: usa denounce
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NER
                    target: USA
                """ + SOURCE);

        assertProblem(p, 4, 9, null, "id", "'usa denounce' is not a fact id; expected 1 to 128 letters, digits, '.', '_', ':' or '-',"
                + " starting with a letter or digit");
    }

    @Test
    void theSameCountryAsActorAndTargetIsReported() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NER
                    target: ner
                """ + SOURCE);

        assertProblem(p, 8, 13, "a", "target", "actor and target are both NER; a fact is between two distinct actors"
                + " (countries or organisations)");
    }

    // ------------------------------------------------------------------------- missing fields

    @Test
    void aFactWithoutSourcesIsReported() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NER
                    target: USA
                """);

        assertProblem(p, 4, 5, "a", "sources", "missing sources: every fact needs at least one source, such as"
                + " sources: [{kind: article, confidence: reported, publisher: Reuters}]");
    }

    @Test
    void aFactWithAnEmptyListOfSourcesIsReported() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NER
                    target: USA
                    sources: []
                """);

        assertProblem(p, 9, 14, "a", "sources", "sources is empty: every fact needs at least one source, such as"
                + " {kind: article, confidence: reported, publisher: Reuters}");
    }

    @Test
    void aMissingFieldOfTheKindIsReportedAtTheFactWithWhatItHolds() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: usa-denounce
                    kind: denounce-agreement
                    happened: 2024-03-16
                    actor: NER
                    target: USA
                """ + SOURCE);

        assertProblem(p, 4, 5, "usa-denounce", "agreement", "missing required field 'agreement' (denounce-agreement needs it):"
                + " the fact id of the agreement's signing, such as usa-sofa-2012");
    }

    @Test
    void everyMissingCommonFieldIsReported() {
        List<SeedProblem> ps = problems("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                """);

        assertThat(ps).extracting(SeedProblem::field).containsExactly("kind", "happened", "actor", "target", "sources");
        assertThat(ps).allSatisfy(p -> assertThat(p.line()).isEqualTo(4));
        assertThat(ps.get(0).message()).isEqualTo("missing required field 'kind' (every fact has it): a kind of fact such as denounce-agreement");
        assertThat(ps.get(2).message()).isEqualTo("missing required field 'actor' (every fact has it): an ISO 3166-1 alpha-3 country code such as NER,"
                + " or an organisation's acronym such as ECOWAS");
    }

    @Test
    void aSourceWithoutKindOrConfidenceIsReported() {
        List<SeedProblem> ps = problems("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NER
                    target: USA
                    sources:
                      - publisher: Reuters
                """);

        assertThat(ps).hasSize(2);
        assertProblem(ps.get(0), 10, 9, "a", "sources[0].kind", "missing required field 'kind' (every source has it):"
                + " one of article, official-statement, background, hypothetical");
        assertProblem(ps.get(1), 10, 9, "a", "sources[0].confidence", "missing required field 'confidence' (every source has it):"
                + " one of reported, confirmed, official");
    }

    @Test
    void badSourceValuesAreEachReported() {
        List<SeedProblem> ps = problems("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NER
                    target: USA
                    sources:
                      - {kind: blog, confidence: sure, publisher: " ", url: x, published: 2024-4-24}
                """);

        assertThat(ps).extracting(SeedProblem::field).containsExactly("sources[0].kind", "sources[0].confidence",
                "sources[0].publisher", "sources[0].url", "sources[0].published");
        assertProblem(ps.get(0), 10, 16, "a", "sources[0].kind", "'blog' is not a kind of source; accepted: article,"
                + " official-statement, background, hypothetical");
        assertThat(ps.get(2).message()).isEqualTo("'publisher' is blank; leave the field out instead");
        assertThat(ps.get(3).message()).isEqualTo("unknown field 'url' for a source; accepted: kind, confidence, publisher, title,"
                + " address, published, note");
        assertThat(ps.get(4).message()).isEqualTo("'2024-4-24' is not a day; expected YYYY-MM-DD such as 2024-09-15");
    }

    // ------------------------------------------------------------------------- unknown fields

    @Test
    void anUnknownFieldIsReportedWithTheFieldsTheKindAccepts() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NER
                    target: USA
                    topic: defence
                """ + SOURCE);

        assertProblem(p, 9, 5, "a", "topic", "unknown field 'topic' for hold-talks; accepted: id, kind, happened, actor,"
                + " target, subject, sources");
    }

    @Test
    void aFieldOfAnotherKindIsReportedNamingThatKind() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hand-over-base
                    happened: 2024-07-07
                    actor: USA
                    target: NER
                    forces: usa-forces-niamey
                    base: Air Base 101
                    deadline: 2024-09-15
                """ + SOURCE);

        assertProblem(p, 11, 5, "a", "deadline", "unknown field 'deadline' for hand-over-base; it is a field of"
                + " schedule-withdrawal; accepted: id, kind, happened, actor, target, forces, base, sources");
    }

    @Test
    void aCamelCaseFieldNameIsReportedWithItsKebabCaseSpelling() {
        List<SeedProblem> ps = problems("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: sign-agreement
                    happened: 2012
                    actor: NER
                    target: USA
                    agreementKind: status-of-forces
                """ + SOURCE);

        assertThat(ps).extracting(SeedProblem::field).containsExactly("agreement-kind", "agreementKind");
        assertThat(ps.get(0).message()).startsWith("missing required field 'agreement-kind' (sign-agreement needs it)");
        SeedProblem p = ps.get(1);
        assertThat(p.line()).isEqualTo(9);
        assertThat(p.field()).isEqualTo("agreementKind");
        assertThat(p.message()).startsWith("unknown field 'agreementKind' for sign-agreement; field names are kebab-case:"
                + " did you mean 'agreement-kind'?; accepted:");
    }

    @Test
    void aFieldThatNoKindAcceptsIsReportedEvenWithoutAKind() {
        List<SeedProblem> ps = problems("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    happened: 2024-04-26
                    actor: NER
                    target: USA
                    colour: blue
                """ + SOURCE);

        assertThat(ps).extracting(SeedProblem::field).containsExactly("kind", "colour");
        assertThat(ps.get(1).message()).isEqualTo("unknown field 'colour'; no kind of fact accepts it");
    }

    @Test
    void anUnknownHeaderFieldIsReportedWithTheHeaderFields() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                author: me
                facts: []
                """);

        assertProblem(p, 3, 1, null, "author", "unknown field 'author' in the header; accepted: format, title, description, organisations, facts");
    }

    @Test
    void aFactFieldInTheHeaderIsReportedAsSuch() {
        List<SeedProblem> ps = problems("""
                format: entente-seed/1
                title: Test
                facts:
                - id: a
                kind: hold-talks
                """);

        assertThat(ps).extracting(SeedProblem::line, SeedProblem::message).contains(org.assertj.core.groups.Tuple.tuple(5,
                "unknown field 'kind' in the header; it is a field of a fact; accepted: format, title, description, organisations, facts"));
    }

    @Test
    void aFieldGivenTwiceIsReportedWithTheFirstOne() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NER
                    actor: USA
                    target: USA
                """ + SOURCE);

        assertProblem(p, 8, 5, "a", "actor", "field 'actor' appears twice in this mapping (first at line 7, column 5);"
                + " give each field once");
    }

    // ----------------------------------------------------------------------------- wrong types

    @Test
    void valuesOfTheWrongTypeAreReportedWithWhatIsExpected() {
        List<SeedProblem> ps = problems("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: station-forces
                    happened: 2024-04-10
                    actor: RUS
                    target: NER
                    invited: maybe
                    size: many
                    bases: Niamey
                    location: [Niamey, Agadez]
                """ + SOURCE);

        assertThat(ps).hasSize(4);
        assertProblem(ps.get(0), 9, 14, "a", "invited", "expected true (at the host's invitation) or false, found 'maybe'");
        assertProblem(ps.get(1), 10, 11, "a", "size", "expected a whole number of personnel, at least 1, such as 1000, found 'many'");
        assertProblem(ps.get(2), 11, 12, "a", "bases", "expected a list of base names such as [Air Base 101], found 'Niamey'");
        assertProblem(ps.get(3), 12, 15, "a", "location", "expected text, such as Niamey, found a list");
    }

    @Test
    void yesIsNotABoolean() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: station-forces
                    happened: 2024-04-10
                    actor: RUS
                    target: NER
                    invited: yes
                """ + SOURCE);

        assertProblem(p, 9, 14, "a", "invited", "expected true (at the host's invitation) or false, found 'yes'");
    }

    @Test
    void aBaseIsHandedOverByOneStationing() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hand-over-base
                    happened: 2024-08-05
                    actor: USA
                    target: NER
                    forces: [usa-forces-niamey, usa-forces-agadez]
                    base: Air Base 201
                """ + SOURCE);

        assertProblem(p, 9, 13, "a", "forces", "expected the fact id of one stationing, such as usa-forces-niamey (a base is"
                + " handed over by one stationing), found a list of 2 items");
    }

    @Test
    void listItemsAreCheckedOneByOne() {
        List<SeedProblem> ps = problems("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: pledge-cooperation
                    happened: 2024-04-26
                    actor: TUR
                    target: NER
                    domains: [military, space, military, [security]]
                """ + SOURCE);

        assertThat(ps).extracting(SeedProblem::field).containsExactly("domains", "domains[2]", "domains[3]");
        assertThat(ps.get(0).message()).isEqualTo("'space' is not a cooperation domain; accepted: military, security,"
                + " intelligence, economic, other");
        assertThat(ps.get(1).message()).isEqualTo("'military' is listed twice");
        assertThat(ps.get(2).message()).startsWith("expected a list of one or more of military, security, intelligence,"
                + " economic, other, found a list as an item");
    }

    @Test
    void aFactThatIsNotAMappingIsReported() {
        List<SeedProblem> ps = problems("""
                format: entente-seed/1
                title: Test
                facts:
                  - usa-denounce
                  - [a, b]
                """);

        assertThat(ps).hasSize(2);
        assertProblem(ps.get(0), 4, 5, null, "", "a fact is a mapping with id, kind, happened, actor, target, sources and the"
                + " fields of its kind; found 'usa-denounce'");
        assertThat(ps.get(1).message()).endsWith("found a list");
    }

    // ------------------------------------------------------------------------------ duplicates

    @Test
    void aDuplicateFactIdIsReportedAtTheSecondFactNamingTheFirst() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NER
                    target: USA
                """ + SOURCE + """
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-27
                    actor: NER
                    target: USA
                """ + SOURCE);

        assertProblem(p, 10, 9, "a", "id", "duplicate fact id 'a'; the fact at line 4 has it already, and ids are unique in a seed");
    }

    // -------------------------------------------------------------------------- header, format

    @Test
    void anUnsupportedFormatVersionIsReportedAloneWithoutCheckingTheRest() {
        SeedProblem p = problem("""
                format: entente-seed/2
                title: Test
                facts: [1, 2, 3]
                """);

        assertProblem(p, 1, 9, null, "format", "unsupported format version 'entente-seed/2'; this reader accepts"
                + " entente-seed/1 only (the rest of the file was not checked)");
    }

    @Test
    void anUnsupportedFormatAfterTheFactsStillHidesTheirProblems() {
        SeedProblem p = problem("""
                title: Test
                facts: [1, 2, 3]
                format: entente-seed/3
                """);

        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).startsWith("unsupported format version 'entente-seed/3'");
    }

    @Test
    void anotherFormatIsNotASeed() {
        SeedProblem p = problem("""
                format: plover/1
                facts: []
                """);

        assertProblem(p, 1, 9, null, "format", "'plover/1' is not a seed format; this reader accepts entente-seed/1");
    }

    @Test
    void missingHeaderFieldsAreReported() {
        List<SeedProblem> ps = problems("""
                description: no format, no title, no facts
                """);

        assertThat(ps).extracting(SeedProblem::field).containsExactlyInAnyOrder("format", "facts", "title");
        assertThat(ps).extracting(SeedProblem::message).contains(
                "missing required field 'format'; a seed starts with 'format: entente-seed/1'",
                "missing required field 'facts': a list of facts; write 'facts: []' for a seed without facts");
    }

    @Test
    void factsWithoutAValueAreReported() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                """);

        assertProblem(p, 3, 7, null, "facts", "'facts' has no value; write 'facts: []' for a seed without facts");
    }

    @Test
    void aBlankTitleIsReported() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: "  "
                facts: []
                """);

        assertProblem(p, 2, 8, null, "title", "'title' is blank");
    }

    // ----------------------------------------------------------------------- file and syntax

    @Test
    void aYamlSyntaxErrorIsReportedWhereTheParserFoundIt() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                   happened: 2024-04-26
                """);

        assertProblem(p, 6, 4, null, "", "YAML syntax error: expected <block end>, but found '<block mapping start>'"
                + " (while parsing a block collection that starts at line 4, column 3)");
    }

    @Test
    void anEmptyFileIsReported() {
        assertProblem(problem(""), 1, 1, null, "", "the file is empty; a seed starts with 'format: entente-seed/1'");
        assertThat(problem("# only a comment\n").message()).startsWith("the file is empty");
    }

    @Test
    void aFileThatIsNotAMappingIsReported() {
        assertThat(problem("- id: a\n").message()).isEqualTo("a seed file is a mapping with the fields format, title,"
                + " description, organisations, facts; found a list");
        assertThat(problem("hello\n").message()).endsWith("found a single value");
    }

    @Test
    void aSecondYamlDocumentIsReported() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts: []
                ---
                format: entente-seed/1
                """);

        assertProblem(p, 5, 1, null, "", "a seed file holds one YAML document, and another one starts here; remove the"
                + " '---' and what follows, or make it a file of its own");
    }

    @Test
    void aFileThatIsNotUtf8IsReportedAtTheBadByte() {
        byte[] latin1 = "format: entente-seed/1\ntitle: Arm\u00e9e\nfacts: []\n".getBytes(StandardCharsets.ISO_8859_1);

        SeedFormatException e = org.assertj.core.api.Assertions.catchThrowableOfType(SeedFormatException.class,
                () -> SeedReader.standard().read(new java.io.ByteArrayInputStream(latin1), "latin1.yaml"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(11);
            assertThat(p.message()).isEqualTo("the file is not UTF-8: byte 0xE9 cannot be here; save the file as UTF-8");
        });
    }

    @Test
    void anAliasToNoAnchorIsReported() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NER
                    target: USA
                    sources: *reuters
                """);

        assertProblem(p, 9, 14, "a", "sources", "alias *reuters names no anchor; an anchor (&reuters) must come before its aliases");
    }

    // -------------------------------------------------------------------- sizes inside a fact

    @Test
    void moreThanTwentySourcesAreReportedOnce() {
        String source = "      - {kind: article, confidence: reported}\n";
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NER
                    target: USA
                    sources:
                """ + source.repeat(25));

        assertProblem(p, 30, 9, "a", "sources[20]", "more than 20 items; a fact has at most 20 sources");
    }

    @Test
    void aListOfMoreThanAThousandItemsAndAMappingOfMoreThanAHundredFieldsAreReported() {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            fields.append(", x").append(i).append(": 1");
        }
        List<SeedProblem> ps = problems("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: station-forces
                    happened: 2024-04-26
                    actor: USA
                    target: NER
                    invited: true
                    bases: [%s]
                    sources: [{kind: background, confidence: reported%s}]
                """.formatted("b, ".repeat(1_000) + "b", fields));

        assertThat(ps).filteredOn(p -> p.message().startsWith("more than")).extracting(SeedProblem::field, SeedProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bases[1000]", "more than 1,000 items; a list in a fact has at most 1,000 items"),
                        org.assertj.core.groups.Tuple.tuple("sources[0].x98", "more than 100 fields in one mapping; a mapping has at most 100 fields"));
    }

    @Test
    void aTextTooLongInsideAFactIsReportedWithTheFact() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NER
                    target: USA
                    subject: |
                """ + ("      " + "x".repeat(99) + "\n").repeat(101) + SOURCE);

        assertProblem(p, 9, 14, "a", "subject", "a text of 10,100 characters; at most 10,000 are accepted"
                + " (SeedReader.Builder.maxStringLength)");
    }

    @Test
    void aBinaryValueIsReported() {
        SeedProblem p = problem("""
                format: entente-seed/1
                title: Test
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NER
                    target: USA
                    subject: !!binary aGVsbG8=
                """ + SOURCE);

        assertProblem(p, 9, 14, "a", "subject", "binary values (!!binary) are not accepted; write text");
    }

    // --------------------------------------------------------------------------- all at once

    @Test
    void everyProblemOfAFileIsReportedAtOnceInTheOrderOfTheFile() {
        SeedFormatException e = org.assertj.core.api.Assertions.catchThrowableOfType(SeedFormatException.class, () -> SeedTexts.read("""
                format: entente-seed/1
                title: Test
                extra: 1
                facts:
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NIG
                    target: USA
                  - id: b
                    kind: denounce-agreemnt
                    happened: 2024-13-16
                    actor: NER
                    target: USA
                    sources: [{kind: article, confidence: sure}]
                  - id: a
                    kind: pledge-cooperation
                    happened: 2024
                    actor: CHN
                    target: NER
                    domains: []
                """ + SOURCE));

        assertThat(e.file()).isEqualTo("test.yaml");
        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.factId().map(FactId::value).orElse("-") + ":" + p.field())
                .containsExactly(
                        "3:-:extra",
                        "5:a:sources",
                        "8:a:actor",
                        "11:b:kind",
                        "12:b:happened",
                        "15:b:sources[0].confidence",
                        "16:a:id",
                        "21:a:domains");
        assertThat(e.getMessage()).startsWith("test.yaml: 8 problems\n  test.yaml:3:1: extra: unknown field 'extra' in the header")
                .contains("\n  test.yaml:8:12: fact a, actor: NIG is neither a country's ISO 3166-1 alpha-3 code")
                .contains("\n  test.yaml:21:14: fact a, domains: 'domains' is empty; expected a list of one or more of military");
    }
}
