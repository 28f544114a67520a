package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.*;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.entente.core.Dyad;
import org.entente.core.Organisation;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Organisations registered in a store: kept in table {@code entente_organisation}, registered in the JVM
 * when the store opens, and carried by exports, imports and migrations. The JVM's table of
 * organisations outlives each test, so every test registers acronyms of its own ({@code ZZR...}).
 */
class OrganisationRegistrationTest {

    @TempDir
    Path temp;

    private EntenteStore h2(String name) {
        return EntenteStore.builder().h2(temp.resolve(name)).build();
    }

    /** The store's rows as "ACRONYM|name|cameo". */
    private static List<String> rows(EntenteStore store) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = store.connections().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT acronym, name, cameo FROM entente_organisation ORDER BY acronym")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
        }
        return rows;
    }

    private static void insert(EntenteStore store, String acronym, String name) throws Exception {
        try (Connection c = store.connections().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO entente_organisation (acronym, name) VALUES (?, ?)")) {
            ps.setString(1, acronym);
            ps.setString(2, name);
            ps.executeUpdate();
        }
    }

    /** The export's lines with the manifest's checksum made to match the edited data lines again. */
    private static List<String> resealed(List<String> lines) throws Exception {
        List<String> out = new ArrayList<>(lines);
        String data = String.join("\n", out.subList(1, out.size() - 1)) + "\n";
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8)));
        out.set(out.size() - 1, out.get(out.size() - 1).replaceFirst("\"sha256\":\"[0-9a-f]{64}\"", "\"sha256\":\"" + sha + "\""));
        return out;
    }

    private Path write(String name, List<String> lines) throws Exception {
        return Files.write(temp.resolve(name), lines, StandardCharsets.UTF_8);
    }

    @Test
    void anOrganisationRegisteredThroughTheStoreIsARowAndIsKnownToTheJvm() throws Exception {
        try (EntenteStore store = h2("s")) {
            Organisation lga = store.registerOrganisation(" org:zzra ", "Liptako-Gourma Authority (test)", "igozzr");
            assertThat(lga.code()).isEqualTo("ORG:ZZRA");
            assertThat(lga.cameoCode()).contains("IGOZZR");
            assertThat(Organisation.of("ZZRA")).isSameAs(lga);
            Organisation plain = store.registerOrganisation("ZZRB", "No CAMEO code (test)");
            assertThat(rows(store)).containsExactly("ZZRA|Liptako-Gourma Authority (test)|IGOZZR", "ZZRB|No CAMEO code (test)|null");

            assertThat(store.registerOrganisation("ZZRA", "Liptako-Gourma Authority (test)", "IGOZZR")).isSameAs(lga);
            assertThat(store.registerOrganisation("zzrb", " No CAMEO code (test) ")).isSameAs(plain);
            assertThat(rows(store)).hasSize(2);
            assertThat(store.organisations()).containsExactly(lga, plain);
        }
        try (EntenteStore reopened = h2("s")) {
            assertThat(reopened.organisations()).extracting(Organisation::acronym).containsExactly("ZZRA", "ZZRB");
        }
    }

    @Test
    void openingAStoreRegistersItsRowsInTheJvm() throws Exception {
        try (EntenteStore store = h2("s")) {
            // Written as another JVM would have: the row is there, this JVM never registered it.
            insert(store, "ZZRC", "Registered elsewhere (test)");
        }
        assertThat(Organisation.isValid("ZZRC")).isFalse();
        try (EntenteStore reopened = h2("s")) {
            assertThat(Organisation.of("ZZRC").name()).isEqualTo("Registered elsewhere (test)");
        }
    }

    @Test
    void anotherNameForARegisteredAcronymIsRefusedNamingBoth() throws Exception {
        try (EntenteStore store = h2("s")) {
            store.registerOrganisation("ZZRD", "First name (test)");
            assertThatIllegalArgumentException().isThrownBy(() -> store.registerOrganisation("ZZRD", "Second name (test)"))
                    .withMessage("ZZRD is already registered in " + store + " as 'First name (test)'; it cannot be registered"
                            + " again as 'Second name (test)'");
            assertThatIllegalArgumentException().isThrownBy(() -> store.registerOrganisation("ZZRD", "First name (test)", "IGOZZD"))
                    .withMessageContaining("it cannot be registered again as 'First name (test)' (CAMEO IGOZZD)");

            // Registered in the JVM (by another store, say) under another name: refused, and no row is written.
            Organisation.register("ZZRE", "The JVM's name (test)");
            assertThatIllegalArgumentException().isThrownBy(() -> store.registerOrganisation("ZZRE", "The store's name (test)"))
                    .withMessageContaining("ZZRE is already registered as The JVM's name (test)");
            // Refused by Organisation.register: a bundled acronym, a country's code, a bad acronym.
            assertThatIllegalArgumentException().isThrownBy(() -> store.registerOrganisation("ECOWAS", "Mine"))
                    .withMessageContaining("ECOWAS is already an organisation Entente knows");
            assertThatIllegalArgumentException().isThrownBy(() -> store.registerOrganisation("NER", "Mine"))
                    .withMessageContaining("is a country's ISO 3166-1 alpha-3 code");
            assertThatIllegalArgumentException().isThrownBy(() -> store.registerOrganisation("ZZRF", "Long code", "IGO".repeat(22)))
                    .withMessage("the CAMEO actor code of organisation ZZRF has 66 characters; a store keeps up to 64");
            assertThat(Organisation.isValid("ZZRF")).isFalse();
            assertThat(rows(store)).containsExactly("ZZRD|First name (test)|null");
        }
    }

    @Test
    void aStoreWhoseRowContradictsTheJvmDoesNotOpenAndRegistersNothing() throws Exception {
        Path dir = temp.resolve("s");
        try (EntenteStore store = h2("s")) {
            insert(store, "ZZRG", "The store's name (test)");
            insert(store, "ZZRH", "Fine on its own (test)");
        }
        Organisation.register("ZZRG", "Another store's name (test)");
        assertThatThrownBy(() -> h2("s"))
                .isInstanceOfSatisfying(OrganisationConflictException.class, e -> {
                    assertThat(e.acronym()).isEqualTo("ZZRG");
                    assertThat(e.registeredName()).isEqualTo("Another store's name (test)");
                    assertThat(e.refusedName()).isEqualTo("The store's name (test)");
                })
                .hasMessage("EntenteStore[H2 " + dir.toAbsolutePath() + "] registers organisation ZZRG as 'The store's name (test)',"
                        + " but this JVM has it registered as 'Another store's name (test)' (by another store or by"
                        + " Organisation.register); an acronym names one organisation in a JVM: open these stores in separate JVMs");
        assertThat(Organisation.isValid("ZZRH")).as("nothing of a refused store is registered").isFalse();
        assertThat(Organisation.of("ZZRG").name()).isEqualTo("Another store's name (test)");
    }

    @Test
    void aNameThatLooksLikeSqlIsStoredVerbatim() throws Exception {
        String hostile = "x'); DROP TABLE entente_organisation; --";
        try (EntenteStore store = h2("s")) {
            store.registerOrganisation("ZZRI", hostile);
            store.registerOrganisation("ZZRJ", "Quote's \"double\" (test)");
            assertThat(rows(store)).containsExactly("ZZRI|" + hostile + "|null", "ZZRJ|Quote's \"double\" (test)|null");
        }
        try (EntenteStore reopened = h2("s")) {
            assertThat(Organisation.of("ZZRI").name()).isEqualTo(hostile);
            assertThat(rows(reopened)).hasSize(2);
        }
    }

    @Test
    void registrationsTravelWithAnExportAndAnImportRegistersThem() throws Exception {
        Path file = temp.resolve("backup.jsonl");
        try (EntenteStore source = h2("source")) {
            source.record(talks("t-1", "2024-01-01", NER, USA));
            source.registerOrganisation("ZZRK", "Exported with a code (test)", "IGOZZK");
            source.registerOrganisation("ZZRL", "Exported without one (test)");
            StoreCopy.Summary s = StoreCopy.export(source, file);
            assertThat(s.organisations()).isEqualTo(2);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.subList(lines.size() - 3, lines.size() - 1)).containsExactly(
                "{\"table\":\"entente_organisation\",\"acronym\":\"ZZRK\",\"name\":\"Exported with a code (test)\",\"cameo\":\"IGOZZK\"}",
                "{\"table\":\"entente_organisation\",\"acronym\":\"ZZRL\",\"name\":\"Exported without one (test)\",\"cameo\":null}");
        assertThat(lines.get(lines.size() - 1)).contains("\"factIds\":1,\"organisations\":2,");
        try (EntenteStore to = h2("restored")) {
            StoreCopy.Summary s = StoreCopy.importInto(to, file);
            assertThat(s.organisations()).isEqualTo(2);
            assertThat(s.events()).isEqualTo(1);
            assertThat(rows(to)).containsExactly("ZZRK|Exported with a code (test)|IGOZZK", "ZZRL|Exported without one (test)|null");
            assertThat(to.organisations()).extracting(Organisation::code).containsExactly("ORG:ZZRK", "ORG:ZZRL");
            assertThat(to.dyadOf(org.entente.core.FactId.of("t-1"))).contains(Dyad.of(NER, USA));
            // Run again: the finished copy is recognised, organisations included.
            assertThat(StoreCopy.importInto(to, file).notes()).singleElement().asString().contains("already holds a finished copy");
        }
        try (EntenteStore onlyRegistrations = h2("registered-only")) {
            onlyRegistrations.registerOrganisation("ZZRL", "Exported without one (test)");
            assertThatThrownBy(() -> StoreCopy.importInto(onlyRegistrations, file))
                    .isInstanceOfSatisfying(TargetNotEmptyException.class, e -> assertThat(e.organisations()).isEqualTo(1))
                    .hasMessageEndingWith("already holds 0 event(s) and 0 fact id(s) and 1 registered organisation(s); copy into an empty database");
        }
    }

    @Test
    void anExportNamingAnAcronymTheJvmHoldsOtherwiseIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path file = temp.resolve("backup.jsonl");
        try (EntenteStore source = h2("source")) {
            source.record(talks("t-1", "2024-01-01", NER, USA));
            source.registerOrganisation("ZZRM", "The source's name (test)");
            StoreCopy.export(source, file);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int row = lines.size() - 2;
        lines.set(row, lines.get(row).replace("The source's name (test)", "Edited name (test)"));
        Path edited = write("edited.jsonl", resealed(lines));
        try (EntenteStore to = h2("t")) {
            assertThatThrownBy(() -> StoreCopy.importInto(to, edited))
                    .isInstanceOf(OrganisationConflictException.class)
                    .hasMessageStartingWith("cannot copy " + edited.toAbsolutePath() + " into " + to + ": it registers organisation ZZRM"
                            + " as 'Edited name (test)', but this JVM has it registered as 'The source's name (test)'")
                    .hasMessageEndingWith("nothing was written");
            assertThat(StoreCopy.unfinishedImport(to)).isEmpty();
            assertThat(to.head()).isEqualTo(-1);
            assertThat(rows(to)).isEmpty();
        }
    }

    @Test
    void anOrganisationRowIsCheckedLikeEveryOtherRow() throws Exception {
        Path file = temp.resolve("backup.jsonl");
        try (EntenteStore source = h2("source")) {
            source.registerOrganisation("ZZRN", "Checked (test)");
            StoreCopy.export(source, file);
        }
        List<String> lines = Files.readAllLines(file);
        int row = lines.size() - 2;
        String original = lines.get(row);
        for (String[] bad : new String[][] {
            {"\"acronym\":\"ZZRN\"", "\"acronym\":\"zz rn\"", "organisation acronym 'zz rn' is not one as stored"},
            {"\"acronym\":\"ZZRN\"", "\"acronym\":\"FRA\"", "organisation acronym FRA is a country's ISO 3166-1 alpha-3 code (France)"},
            {"Checked (test)", "Checked\\u0007 (test)", "the name of organisation ZZRN must have 1 to 200 characters, without control characters"},
            {"\"cameo\":null", "\"cameo\":\"IG\"", "the CAMEO actor code of organisation ZZRN is 'IG'"}}) {
            List<String> edited = new ArrayList<>(lines);
            edited.set(row, original.replace(bad[0], bad[1]));
            Path path = write("bad-" + System.nanoTime() + ".jsonl", resealed(edited));
            try (EntenteStore to = h2("t-" + System.nanoTime())) {
                assertThatThrownBy(() -> StoreCopy.importInto(to, path))
                        .isInstanceOf(BackupRejectedException.class)
                        .hasMessageStartingWith("line " + (row + 1) + ": " + bad[2]);
            }
        }
        List<String> twice = new ArrayList<>(lines);
        twice.add(row, original);
        try (EntenteStore to = h2("twice")) {
            assertThatThrownBy(() -> StoreCopy.importInto(to, write("twice.jsonl", resealed(twice))))
                    .hasMessage("line " + (row + 2) + ": organisation ZZRN is listed twice; a store registers an acronym once");
        }
    }

    @Test
    void aFormat2ExportStillImportsAndMayNotHoldOrganisations() throws Exception {
        Path file = temp.resolve("backup.jsonl");
        try (EntenteStore source = h2("source")) {
            source.record(talks("t-1", "2024-01-01", NER, USA));
            StoreCopy.export(source, file);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(0, StoreCopy.FORMAT_2);
        int last = lines.size() - 1;
        lines.set(last, lines.get(last).replace("\"format\":3,", "\"format\":2,").replace("\"organisations\":0,", ""));
        assertThat(lines.get(last)).startsWith("{\"manifest\":{\"format\":2,\"events\":1,\"snapshots\":0,\"factIds\":1,\"lastGlobalIndex\":1,");
        try (EntenteStore to = h2("old")) {
            StoreCopy.Summary s = StoreCopy.importInto(to, write("format2.jsonl", lines));
            assertThat(s.events()).isEqualTo(1);
            assertThat(s.organisations()).isZero();
            assertThat(s.manifestChecked()).isTrue();
            assertThat(s.notes()).isEmpty();
            assertThat(rows(to)).isEmpty();
        }
        List<String> withOrganisation = new ArrayList<>(lines);
        withOrganisation.add(last, "{\"table\":\"entente_organisation\",\"acronym\":\"ZZRO\",\"name\":\"Not in format 2\",\"cameo\":null}");
        try (EntenteStore to = h2("refused")) {
            assertThatThrownBy(() -> StoreCopy.importInto(to, write("format2-org.jsonl", resealed(withOrganisation))))
                    .isInstanceOf(BackupRejectedException.class)
                    .hasMessage("line " + (last + 1) + ": an entente_organisation row in a file of format entente-store-export/2,"
                            + " which has none (organisations travel from entente-store-export/3)");
        }
        List<String> mismatched = new ArrayList<>(lines);
        mismatched.set(0, StoreCopy.FORMAT);
        try (EntenteStore to = h2("mismatched")) {
            assertThatThrownBy(() -> StoreCopy.importInto(to, write("mismatched.jsonl", mismatched)))
                    .hasMessage("line " + (last + 1) + ": a manifest of format 2 in a file of format entente-store-export/3");
        }
    }

    @Test
    void aStoreOfTheShapeBeforeRegistrationsGetsTheTableOnOpen() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("old"));
        for (String name : List.of("entente.mv.db", "entente.head")) {
            try (InputStream in = getClass().getResourceAsStream("attache-store-0.1/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        try (EntenteStore store = EntenteStore.builder().h2(dir).build()) {
            assertThat(store.organisations()).isEmpty();
            store.registerOrganisation("ZZRP", "Registered in an old store (test)");
            assertThat(rows(store)).containsExactly("ZZRP|Registered in an old store (test)|null");
        }
    }

    @Test
    void aMigrationToPostgresCarriesTheRegistrations() throws Exception {
        try (Postgres pg = Postgres.freshSchema("orgreg")) {
            try (EntenteStore from = h2("source"); EntenteStore to = EntenteStore.builder().postgres(pg.dataSource()).build()) {
                from.record(talks("t-1", "2024-01-01", NER, USA));
                from.registerOrganisation("ZZRQ", "Migrated (test)", "IGOZZQ");
                StoreCopy.Summary s = StoreCopy.copy(from, to, BatchProgress.NONE);
                assertThat(s.organisations()).isEqualTo(1);
                assertThat(rows(to)).containsExactly("ZZRQ|Migrated (test)|IGOZZQ");
                to.registerOrganisation("ZZRR", "Registered on PostgreSQL x'); DROP TABLE entente_organisation; --");
                assertThatIllegalArgumentException().isThrownBy(() -> to.registerOrganisation("ZZRR", "Another (test)"))
                        .withMessageContaining("ZZRR is already registered in EntenteStore[PostgreSQL]");
            }
            try (EntenteStore reopened = EntenteStore.builder().postgres(pg.dataSource()).build()) {
                assertThat(rows(reopened)).containsExactly("ZZRQ|Migrated (test)|IGOZZQ",
                        "ZZRR|Registered on PostgreSQL x'); DROP TABLE entente_organisation; --|null");
                assertThat(reopened.organisations()).extracting(Organisation::acronym).containsExactly("ZZRQ", "ZZRR");
            }
        }
    }
}
