package org.entente.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Precision;
import org.entente.core.Source;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.AttacheService;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.Decider;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NigerSeedTest {

    private static final Country NER = Country.of("NER");
    private static final Country USA = Country.of("USA");
    private static final Country TUR = Country.of("TUR");

    private static final List<String> IDS = List.of(
            "usa-sofa-2012", "usa-forces-niamey", "usa-forces-agadez", "fra-agreements", "fra-forces",
            "fra-denounce", "ner-recall-2023-fra", "ner-recall-2023-usa", "chn-talks-2023", "fra-schedule",
            "fra-recall-2023", "fra-complete", "usa-talks-2024-03", "usa-denounce", "rus-forces", "usa-schedule",
            "chn-talks", "chn-pledge", "tur-attache", "tur-pledge", "usa-deadline", "usa-handover-101",
            "tur-visit", "tur-visit-pledge", "usa-handover-201", "usa-complete");

    private static final String ARTICLE_TITLE =
            "Armée : après le renvoi des États-Unis, deux pays apportent une excellente nouvelle au Niger";

    private final Seed seed = Seeds.bundled("niger-2024");

    private FactCommand command(String id) {
        return seed.fact(FactId.of(id)).orElseThrow().command();
    }

    @Test
    void theNigerSeedHasTheTwentySixFactsOfTheStoryInTheOrderOfTheFile() {
        assertThat(seed.facts()).extracting(f -> f.id().value()).containsExactlyElementsOf(IDS);
        assertThat(seed.header().format()).isEqualTo("entente-seed/1");
        assertThat(seed.header().title()).isEqualTo("Niger and its security partners, 2012-2024");
        assertThat(seed.header().description()).hasValueSatisfying(d -> assertThat(d).contains("2023-07-26")
                .contains("not recorded here"));
        assertThat(seed.file()).isEqualTo("org/entente/seeds/niger-2024.yaml");
    }

    @Test
    void everyDyadOfTheSeedIsAcceptedByTheRules() {
        Map<Dyad, List<FactCommand>> byDyad = seed.commandsByDyad();

        assertThat(byDyad.keySet()).extracting(Dyad::id)
                .containsExactly("CHN-NER", "FRA-NER", "NER-RUS", "NER-TUR", "NER-USA");
        byDyad.forEach((dyad, commands) -> assertThatCode(() -> Decider.decideAll(commands, DyadHistory.empty(dyad)))
                .as(dyad.id()).doesNotThrowAnyException());
        assertThat(byDyad.values().stream().mapToInt(List::size).sum()).isEqualTo(26);
        // The commands are given in docs/DOMAIN.md's order, so that each one is an append.
        assertThat(byDyad.get(Dyad.of(NER, USA))).extracting(c -> c.fact().id().value()).containsExactly(
                "usa-sofa-2012", "usa-forces-niamey", "usa-forces-agadez", "ner-recall-2023-usa", "usa-talks-2024-03",
                "usa-denounce", "usa-schedule", "usa-deadline", "usa-handover-101", "usa-handover-201", "usa-complete");
    }

    @Test
    void theEncodingFollowsDomainMdsTable() {
        assertThat(command("usa-sofa-2012")).isEqualTo(new FactCommand.SignAgreement(command("usa-sofa-2012").fact(),
                AgreementKind.STATUS_OF_FORCES, Optional.of("agreement on the status of US military and civilian Defense personnel")));
        assertThat(command("usa-sofa-2012").fact().happened()).isEqualTo(HappenedOn.year(2012));
        assertThat(command("usa-forces-agadez").fact().happened()).isEqualTo(HappenedOn.month(2019, 11));
        assertThat(command("usa-forces-niamey")).isEqualTo(new FactCommand.StationForces(command("usa-forces-niamey").fact(),
                Optional.of("Niamey"), Optional.of(100), List.of("Air Base 101"), true));
        assertThat(command("ner-recall-2023-usa")).isEqualTo(new FactCommand.RecallEnvoy(command("ner-recall-2023-usa").fact(),
                Optional.empty(), EnvoyRole.AMBASSADOR));
        assertThat(command("fra-recall-2023").fact().actor()).isEqualTo(Country.of("FRA"));
        assertThat(command("usa-schedule")).isEqualTo(new FactCommand.ScheduleWithdrawal(command("usa-schedule").fact(),
                Optional.empty(), List.of()));
        assertThat(command("usa-deadline")).isEqualTo(new FactCommand.ScheduleWithdrawal(command("usa-deadline").fact(),
                Optional.of(LocalDate.of(2024, 9, 15)), List.of()));
        assertThat(command("tur-attache")).isEqualTo(new FactCommand.AppointAttache(command("tur-attache").fact(),
                Optional.of("Serkan Kaya"), Optional.of("Colonel"), AttacheService.DEFENCE));
        assertThat(command("tur-attache").fact().actor()).isEqualTo(TUR);
        assertThat(command("chn-pledge")).isEqualTo(new FactCommand.PledgeCooperation(command("chn-pledge").fact(),
                List.of(CooperationDomain.SECURITY)));
        assertThat(command("tur-visit-pledge")).isEqualTo(new FactCommand.PledgeCooperation(command("tur-visit-pledge").fact(),
                List.of(CooperationDomain.MILITARY, CooperationDomain.INTELLIGENCE)));
        assertThat(command("usa-handover-201")).isEqualTo(new FactCommand.HandOverBase(command("usa-handover-201").fact(),
                FactId.of("usa-forces-agadez"), "Air Base 201"));
        assertThat(command("usa-complete")).isEqualTo(new FactCommand.CompleteWithdrawal(command("usa-complete").fact(),
                List.of(FactId.of("usa-forces-niamey"), FactId.of("usa-forces-agadez"))));
        assertThat(seed.commands()).noneMatch(c -> c.kind() == FactKind.SEVER_RELATIONS);
        assertThat(seed.commands()).filteredOn(c -> c.kind() == FactKind.HOLD_TALKS && c.fact().happened().day().equals(LocalDate.of(2024, 4, 23)))
                .hasSize(1);
    }

    @Test
    void backgroundFactsCiteBackgroundAndNewsFactsCiteReportedArticles() {
        Set<String> background = Set.of("usa-sofa-2012", "usa-forces-niamey", "usa-forces-agadez", "fra-agreements", "fra-forces");
        for (SeedFact fact : seed.facts()) {
            List<Source> sources = fact.command().fact().sources();
            assertThat(sources).as(fact.id().value()).isNotEmpty().allMatch(s -> s.confidence() == Source.Confidence.REPORTED);
            if (background.contains(fact.id().value())) {
                assertThat(sources).as(fact.id().value()).allMatch(s -> s.kind() == Source.Kind.BACKGROUND);
            } else {
                assertThat(sources).as(fact.id().value()).allMatch(s -> s.kind() == Source.Kind.ARTICLE);
            }
        }
    }

    @Test
    void onlyTheAddressesDomainMdGivesAreUsed() {
        Set<String> addresses = seed.commands().stream().flatMap(c -> c.fact().sources().stream())
                .flatMap(s -> s.address().stream()).collect(Collectors.toSet());

        assertThat(addresses).containsExactlyInAnyOrder("tass.com/world/1668989", "rt.com/africa/594362",
                "niger-2024-article.fr.txt");
        assertThat(addresses).noneMatch(a -> a.startsWith("http"));
    }

    @Test
    void publicationDatesAreOnlyTheOnesDomainMdGives() {
        Set<LocalDate> dates = seed.commands().stream().flatMap(c -> c.fact().sources().stream())
                .flatMap(s -> s.published().stream()).collect(Collectors.toSet());

        assertThat(dates).containsExactlyInAnyOrder(LocalDate.of(2024, 4, 24), LocalDate.of(2024, 4, 26));
        Source madar = command("chn-talks").fact().sources().get(0);
        assertThat(madar.publisher()).contains("madar.mr");
        assertThat(madar.published()).contains(LocalDate.of(2024, 4, 24));
    }

    @Test
    void theArticleIsTheSourceOfItsOwnFactsAndTheOnlySourceOfTheTwentySixthOfApril() {
        List<String> citing = seed.facts().stream()
                .filter(f -> f.command().fact().sources().stream().anyMatch(s -> s.title().equals(Optional.of(ARTICLE_TITLE))))
                .map(f -> f.id().value()).toList();

        assertThat(citing).containsExactly("usa-schedule", "chn-talks", "chn-pledge", "tur-attache", "tur-pledge");
        for (String id : List.of("tur-attache", "tur-pledge")) {
            assertThat(command(id).fact().sources()).singleElement().satisfies(article -> {
                assertThat(article.kind()).isEqualTo(Source.Kind.ARTICLE);
                assertThat(article.published()).contains(LocalDate.of(2024, 4, 26));
                assertThat(article.note()).hasValueSatisfying(n -> assertThat(n).contains("no date of its own")
                        .contains("ce vendredi 26 avril"));
            });
        }
        assertThat(command("tur-attache").fact().sources().get(0).note()).hasValueSatisfying(n -> assertThat(n).contains("Serkane Kaya"));
        assertThat(command("tur-pledge").fact().sources().get(0).note()).hasValueSatisfying(n -> assertThat(n).contains("Ozgür Çınar"));
    }

    @Test
    void sourcesNameThePublishersOfTheTimeline() {
        assertThat(command("fra-denounce").fact().sources()).extracting(s -> s.publisher().orElseThrow())
                .containsExactly("Reuters (devdiscourse.com)", "news18.com", "dakaractu.com");
        assertThat(command("usa-denounce").fact().sources()).extracting(s -> s.publisher().orElseThrow())
                .containsExactly("RT (rt.com/africa/594362)", "minute.bf", "KUNA (menafn.com)");
        assertThat(command("usa-complete").fact().sources()).extracting(s -> s.publisher().orElseThrow())
                .containsExactly("AFRICOM (allafrica.com)", "KUNA (menafn.com)");
    }

    @Test
    void theBundledArticleIsTheOneInTheSharedFolderWithItsProvenance() throws IOException {
        String article = resource("niger-2024-article.fr.txt");
        String provenance = resource("niger-2024-article.PROVENANCE.md");

        assertThat(article).startsWith("Armée : après le renvoi des États-Unis").contains("Ce vendredi 26 avril")
                .contains("colonel Serkane Kaya").contains("S.E.M. Ozgür Çınar");
        assertThat(provenance).contains("no date of its own").contains("2024-04-26");
    }

    @Test
    void theSeedCanAlsoBeReadFromAPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("niger-2024.yaml");
        Files.writeString(file, resource("niger-2024.yaml"));

        Seed fromPath = Seeds.read(file);

        assertThat(fromPath.file()).isEqualTo(file.toString());
        assertThat(fromPath.commands()).isEqualTo(seed.commands());
        assertThat(fromPath.facts().get(0).location()).isEqualTo(new SeedLocation(file.toString(), 21, 5));
    }

    @Test
    void anUnknownBundledNameIsRefusedNamingTheBundledSeeds() {
        assertThatThrownBy(() -> Seeds.bundled("niger-2023"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no seed named 'niger-2023' is bundled; bundled seeds: niger-2024, sahel-2023-2025");
        assertThatThrownBy(() -> Seeds.bundled("../niger-2024"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bundled seeds: niger-2024, sahel-2023-2025");
        assertThat(Seeds.bundledNames()).containsExactly("niger-2024", "sahel-2023-2025");
    }

    @Test
    void factLocationsPointAtEachFactsFirstLine() {
        assertThat(seed.fact(FactId.of("usa-sofa-2012")).orElseThrow().location())
                .isEqualTo(new SeedLocation("org/entente/seeds/niger-2024.yaml", 21, 5));
        // Every fact starts with its id, on the line its location names.
        String[] lines = resourceUnchecked("niger-2024.yaml").split("\n", -1);
        for (SeedFact fact : seed.facts()) {
            assertThat(lines[fact.location().line() - 1]).isEqualTo("  - id: " + fact.id());
            assertThat(fact.location().column()).isEqualTo(5);
        }
    }

    @Test
    void theDayAndPrecisionOfYearAndMonthFactsAreTheirFirstDay() {
        assertThat(command("fra-agreements").fact().happened()).isEqualTo(new HappenedOn(LocalDate.of(1977, 1, 1), Precision.YEAR));
        assertThat(command("usa-talks-2024-03").fact().happened()).isEqualTo(HappenedOn.day(2024, 3, 12));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = NigerSeedTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String resourceUnchecked(String name) {
        try {
            return resource(name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
