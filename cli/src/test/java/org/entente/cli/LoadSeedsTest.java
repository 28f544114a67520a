package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.Entente;
import org.entente.core.Organisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code load} with the bundled sahel seed and with a seed that registers an organisation. */
class LoadSeedsTest {

    @TempDir
    Path dir;

    private String store() {
        return dir.resolve("store").toString();
    }

    @Test
    void theSahelSeedLoadsByNameBeforeTheNigerSeed() {
        CliTest.Run sahel = CliTest.execute("--store", store(), "--quiet", "load", "sahel-2023-2025");
        assertThat(sahel.code()).as(sahel.err()).isZero();
        assertThat(sahel.out()).startsWith("loaded Organisations in the Sahel, 2023-2025 (59 facts): recorded 59 event(s)");

        CliTest.Run niger = CliTest.execute("--store", store(), "--quiet", "load", "niger-2024");
        assertThat(niger.code()).as(niger.err()).isZero();
        assertThat(niger.out()).contains("recorded 26 event(s)");
    }

    @Test
    void aSeedsOrganisationsAreRegisteredInTheStoreExceptOnADryRun() throws IOException {
        Path seed = dir.resolve("orgcli.yaml");
        Files.writeString(seed, """
                format: entente-seed/1
                title: A seed with an organisation of its own
                organisations:
                  - {acronym: ORGCLI1, name: Command Line Test Organisation}
                facts:
                  - id: ner-joins-orgcli1
                    kind: join
                    happened: 2000-01-01
                    actor: NER
                    target: ORGCLI1
                    sources: [{kind: article, confidence: reported, publisher: Reuters}]
                """);

        CliTest.Run dry = CliTest.execute("--store", store(), "--quiet", "load", seed.toString(), "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would record 1 event(s)").endsWith("; would register 1 organisation(s)\n");
        try (Entente entente = Entente.h2(Path.of(store()))) {
            assertThat(entente.organisations()).extracting(Organisation::acronym).doesNotContain("ORGCLI1");
        }

        CliTest.Run load = CliTest.execute("--store", store(), "--quiet", "load", seed.toString());
        assertThat(load.code()).as(load.err()).isZero();
        assertThat(load.out()).contains("recorded 1 event(s)").endsWith("; registered 1 organisation(s)\n");
        try (Entente entente = Entente.h2(Path.of(store()))) {
            assertThat(entente.organisations()).extracting(Organisation::acronym).contains("ORGCLI1");
        }
    }
}
