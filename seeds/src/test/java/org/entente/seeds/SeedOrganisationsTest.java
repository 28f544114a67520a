package org.entente.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.seeds.SeedTexts.problems;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.Organisation;
import org.entente.core.relationship.RelationshipState.MembershipStatus;
import org.junit.jupiter.api.Test;

/**
 * A seed's {@code organisations:} section. Registrations last as long as the JVM, so each test registers
 * an acronym of its own.
 */
class SeedOrganisationsTest {

    private static final String SOURCE = "    sources: [{kind: article, confidence: reported, publisher: Reuters}]\n";

    private static String seed(String organisations, String acronym) {
        return "format: entente-seed/1\ntitle: Test\n" + organisations + """
                facts:
                  - id: ner-joins
                    kind: join
                    happened: 2000-01-01
                    actor: NER
                    target: %s
                """.formatted(acronym) + SOURCE;
    }

    private static void assertProblem(SeedProblem p, int line, int column, String field, String message) {
        assertThat(p.line()).as("line of " + p).isEqualTo(line);
        assertThat(p.column()).as("column of " + p).isEqualTo(column);
        assertThat(p.field()).as("field of " + p).isEqualTo(field);
        assertThat(p.message()).as("message of " + p).isEqualTo(message);
    }

    @Test
    void aSeedRegistersTheLiptakoGourmaAuthorityAndAFactNamesIt() {
        Seed seed = SeedTexts.read(seed("""
                organisations:
                  - acronym: LGA
                    name: Liptako-Gourma Authority
                """, "LGA"));

        Organisation lga = Organisation.of("LGA");
        assertThat(lga.name()).isEqualTo("Liptako-Gourma Authority");
        assertThat(lga.cameoCode()).isEmpty();
        assertThat(lga.isBundled()).isFalse();
        assertThat(seed.organisations()).containsExactly(new SeedOrganisation(lga, new SeedLocation("test.yaml", 4, 5)));
        assertThat(seed.facts()).singleElement().satisfies(f -> assertThat(f.command().fact().dyad())
                .isEqualTo(Dyad.of(Country.of("NER"), lga)));
    }

    @Test
    void loadingTheSeedIntoAnEntenteKeepsTheRegistrationInTheStore() {
        Seed seed = SeedTexts.read(seed("""
                organisations:
                  - {acronym: ORGST1, name: Seed Test Organisation One, cameo: igoabc}
                """, "ORGST1"));
        Organisation o = seed.organisations().get(0).organisation();
        assertThat(o.cameoCode()).contains("IGOABC");

        try (Entente entente = Entente.inMemory()) {
            for (SeedOrganisation registered : seed.organisations()) {
                Organisation org = registered.organisation();
                org.cameoCode().ifPresentOrElse(c -> entente.registerOrganisation(org.acronym(), org.name(), c),
                        () -> entente.registerOrganisation(org.acronym(), org.name()));
            }
            entente.recordAll(seed.commands());

            assertThat(entente.organisations()).contains(o);
            Dyad dyad = Dyad.of(Country.of("NER"), o);
            assertThat(entente.history(dyad).orElseThrow().state().membershipStatus(LocalDate.of(2001, 1, 1)))
                    .isEqualTo(MembershipStatus.MEMBER);
            assertThat(entente.partnership(dyad, When.asOf(LocalDate.of(2001, 1, 1))).facts()).isEqualTo(1);
        }
    }

    @Test
    void aSeedWithoutTheSectionRegistersNothing() {
        assertThat(Seeds.bundled("niger-2024").organisations()).isEmpty();
        assertThat(Seeds.bundled("sahel-2023-2025").organisations()).isEmpty();
        assertThat(SeedTexts.read("format: entente-seed/1\ntitle: Test\norganisations: []\nfacts: []\n").organisations()).isEmpty();
    }

    @Test
    void theSectionReadsTheSameFromJson() {
        String json = """
                {"format": "entente-seed/1", "title": "Test",
                 "organisations": [{"acronym": "ORGST2", "name": "Seed Test Organisation Two"}],
                 "facts": []}
                """;
        Seed seed = SeedReader.standard().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");

        assertThat(seed.organisations()).extracting(o -> o.organisation().code()).containsExactly("ORG:ORGST2");
        assertThat(Organisation.isValid("ORGST2")).isTrue();
    }

    @Test
    void everyBadEntryIsRefusedAtItsLineAndColumnAndRegistersNothing() {
        List<SeedProblem> ps = problems("""
                format: entente-seed/1
                title: Test
                organisations:
                  - {acronym: ECOWAS, name: Economic Community}
                  - {acronym: NER, name: Niger Authority}
                  - {acronym: L, name: Too Short}
                  - {acronym: ORGBAD1, name: "Bell \\a inside"}
                  - {acronym: ORGBAD2, name: Fine, cameo: IG0}
                  - {acronym: ORGBAD3, name: Fine, website: example.org}
                  - {acronym: ORGBAD4}
                  - {name: No Acronym}
                  - just text
                facts: []
                """);

        assertThat(ps).hasSize(9);
        assertProblem(ps.get(0), 4, 15, "organisations[0].acronym", "ECOWAS is already an organisation Entente knows"
                + " (Economic Community of West African States); it cannot be registered again; leave it out of"
                + " 'organisations' and name it in facts as it is");
        assertProblem(ps.get(1), 5, 15, "organisations[1].acronym", "NER is a country's ISO 3166-1 alpha-3 code (Niger);"
                + " an organisation's acronym cannot be one");
        assertProblem(ps.get(2), 6, 15, "organisations[2].acronym", "L is not an organisation acronym; expected 2 to 12"
                + " characters, A-Z and 0-9, starting with a letter, such as LGA");
        assertThat(ps.get(3).line()).isEqualTo(7);
        assertThat(ps.get(3).field()).isEqualTo("organisations[3].name");
        assertThat(ps.get(3).message()).startsWith("U+0007 (BEL) at character 6 is refused");
        assertProblem(ps.get(4), 8, 43, "organisations[4].cameo", "'IG0' is not a CAMEO actor code; expected three-letter"
                + " codes run together, such as IGOLGA, or no cameo field");
        assertProblem(ps.get(5), 9, 36, "organisations[5].website", "unknown field 'website' for an organisation;"
                + " accepted: acronym, name, cameo");
        assertProblem(ps.get(6), 10, 5, "organisations[6].name", "missing required field 'name' (every organisation has"
                + " it): the organisation's English name, such as Liptako-Gourma Authority");
        assertProblem(ps.get(7), 11, 5, "organisations[7].acronym", "missing required field 'acronym' (every organisation"
                + " has it): an acronym of 2 to 12 characters, A-Z and 0-9, starting with a letter, such as LGA");
        assertProblem(ps.get(8), 12, 5, "organisations[8]", "an organisation is a mapping with acronym, name, cameo"
                + " (cameo optional), such as {acronym: LGA, name: Liptako-Gourma Authority}; found 'just text'");
        for (String refused : List.of("ORGBAD1", "ORGBAD2", "ORGBAD3", "ORGBAD4")) {
            assertThat(Organisation.isValid(refused)).as(refused).isFalse();
        }
    }

    @Test
    void anAcronymListedTwiceIsRefusedAtTheSecondEntry() {
        List<SeedProblem> ps = problems("""
                format: entente-seed/1
                title: Test
                organisations:
                  - {acronym: ORGST3, name: Seed Test Organisation Three}
                  - {acronym: orgst3, name: Another Name}
                facts: []
                """);

        assertThat(ps).singleElement().satisfies(p -> assertProblem(p, 5, 15, "organisations[1].acronym",
                "organisation 'ORGST3' is listed twice; the entry at line 4 registers it already"));
    }

    @Test
    void anAcronymRegisteredUnderAnotherNameIsRefused() {
        Organisation.register("ORGST4", "Seed Test Organisation Four");

        List<SeedProblem> ps = problems(seed("""
                organisations:
                  - {acronym: ORGST4, name: A Different Name}
                """, "ORGST4"));

        assertThat(ps).singleElement().satisfies(p -> assertProblem(p, 4, 15, "organisations[0].acronym",
                "ORGST4 is already registered as Seed Test Organisation Four; it cannot be registered again as A Different Name"));
        assertThat(Organisation.of("ORGST4").name()).isEqualTo("Seed Test Organisation Four");
    }

    @Test
    void theSectionAfterTheFactsIsRefusedAndTheFactsCannotNameItsOrganisations() {
        List<SeedProblem> ps = problems("format: entente-seed/1\ntitle: Test\n" + """
                facts:
                  - id: ner-joins
                    kind: join
                    happened: 2000-01-01
                    actor: NER
                    target: ORGST5
                """ + SOURCE + """
                organisations:
                  - {acronym: ORGST5, name: Seed Test Organisation Five}
                """);

        assertThat(ps).hasSize(2);
        assertThat(ps.get(0).line()).isEqualTo(8);
        assertThat(ps.get(0).field()).isEqualTo("target");
        assertProblem(ps.get(1), 10, 1, "organisations", "'organisations' comes after 'facts' (line 3); move it before"
                + " 'facts': facts are read in order, and the organisations they name must be registered by then");
        assertThat(Organisation.isValid("ORGST5")).isFalse();
    }

    @Test
    void aScenarioFileHasNoOrganisationsSection() {
        List<SeedProblem> ps = ScenarioTexts.problems("""
                format: entente-scenario/1
                title: Test
                organisations: [{acronym: ORGST6, name: Seed Test Organisation Six}]
                remove: [usa-denounce]
                """);

        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("unknown field 'organisations' in the header; it is a field of a seed:"
                    + " a scenario registers no organisation");
        });
        assertThat(Organisation.isValid("ORGST6")).isFalse();
    }
}
