package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.entente.core.Dyad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A store path names a directory and nothing else: nothing in it reaches H2's URL settings, and no
 * prefix changes what H2 opens.
 */
class H2StorePathTest {

    @TempDir
    Path root;

    @Test
    void anInitSettingInThePathIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path hostile = root.resolve("data;INIT=CREATE TABLE PWNED(x int)--");
        assertThatThrownBy(() -> EntenteStore.builder().h2(hostile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + hostile.toAbsolutePath() + "'")
                .hasMessageContaining("holds a ';'")
                .hasMessageContaining("name a directory whose absolute path has no ';' and no control characters");
        assertThat(listAll(root)).as("nothing created in or beside the directory").isEmpty();
    }

    @Test
    void theDefaultDirectoryIsCheckedAtBuildTimeToo() {
        // h2(Path) checks at once; a store built from a builder whose path was set otherwise is checked again.
        assertThatThrownBy(() -> H2Files.checkDirectory(root.resolve("a;ACCESS_MODE_DATA=r")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds a ';'");
    }

    @Test
    void theUrlIsNotBuiltFromAPathThatWouldReachH2sSettingsWhoeverAsks() {
        // StoreDatabase checks the directory first; the URL's builder refuses such a path on its own too.
        Path hostile = root.resolve("a;INIT=RUNSCRIPT FROM 'x'");
        assertThatThrownBy(() -> H2Files.prepare(hostile, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the store directory '" + hostile + "' holds a ';'");
        assertThat(listAll(root)).as("nothing created").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bell\u0007", "line\nfeed", "nul\u0000x", "esc\u001b[2J", "c1\u0085"})
    void aControlCharacterInThePathIsRefusedAndShownVisibly(String name) {
        Path hostile;
        try {
            hostile = root.resolve(name);
        } catch (java.nio.file.InvalidPathException e) {
            // NUL cannot even be a path on this file system: refused before Entente sees it.
            assertThat(name).contains("\u0000");
            return;
        }
        assertThatThrownBy(() -> EntenteStore.builder().h2(hostile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds the control character U+")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("\\p{Cntrl}"));
        assertThat(listAll(root)).isEmpty();
    }

    @Test
    void dotDotSegmentsAreResolvedAndNothingIsWrittenOnTheWay() {
        Path viaParent = root.resolve("never/../store");
        try (EntenteStore store = EntenteStore.builder().h2(viaParent).build()) {
            store.record(talks("t-1", "2024-04-23", CHN, NER));
        }
        assertThat(root.resolve("never")).doesNotExist();
        assertThat(root.resolve("store").resolve("entente.mv.db")).isRegularFile();
        assertThat(listAll(root)).allMatch(p -> p.startsWith(root.resolve("store")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mem:x", "tcp://localhost:9092/x", "ssl://h/x", "zip:x.zip!/x", "file:x", "nio:x", "split:x",
            "memFS:x", "~", "~/x", "classpath:x", "jdbc:h2:mem:x"})
    void aUrlLikePathIsAnOrdinaryDirectoryHoldingTheDatabase(String name) {
        Path dir = root.resolve(name);
        try (EntenteStore store = EntenteStore.builder().h2(dir).build()) {
            store.record(talks("t-1", "2024-04-23", CHN, NER));
        }
        Path expected = dir.toAbsolutePath().normalize();
        assertThat(expected.resolve("entente.mv.db")).as("the database is a file in the named directory").isRegularFile();
        assertThat(listAll(root)).allMatch(p -> expected.startsWith(p) || p.startsWith(expected));
        try (EntenteStore reopened = EntenteStore.builder().h2(dir).build()) {
            assertThat(reopened.dyadOf(org.entente.core.FactId.of("t-1"))).as("persisted, not in memory").contains(Dyad.of(CHN, NER));
        }
    }

    @Test
    void noTableNamedByThePathIsCreatedInAStoreBesideIt() throws Exception {
        // The attack with the ';' left out of reach: the name is only a directory's.
        Path dir = root.resolve("data INIT=CREATE TABLE PWNED(x int)--");
        try (EntenteStore store = EntenteStore.builder().h2(dir).build();
             var c = store.connections().getConnection();
             var rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = 'PWNED'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        assertThat(dir.resolve("entente.mv.db")).isRegularFile();
    }

    private static List<Path> listAll(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !p.equals(root)).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
