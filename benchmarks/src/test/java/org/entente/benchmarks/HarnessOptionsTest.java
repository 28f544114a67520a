package org.entente.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The harness's options refuse what would reach an H2 URL as a setting, before anything runs. */
class HarnessOptionsTest {

    @Test
    void aWorkDirectoryWithASemicolonOrAControlCharacterIsRefusedNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Harness.Options.parse("--tiny", "--work", "/tmp/a;INIT=RUNSCRIPT FROM 'x'"))
                .withMessageContaining("/tmp/a;INIT=RUNSCRIPT FROM 'x'")
                .withMessageContaining("use a directory without them");
        assertThatIllegalArgumentException().isThrownBy(() -> Harness.Options.parse("--tiny", "--work", "/tmp/a\nb"))
                .withMessageContaining("control character");
    }

    @Test
    void anOrdinaryWorkDirectoryGivesAPlainFileUrl() {
        assertThat(Harness.h2Url(Path.of("/tmp/bench work"))).isEqualTo("jdbc:h2:file:/tmp/bench work/entente;WRITE_DELAY=0");
    }
}
