package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README shows the main job's output; this keeps it true. */
class ReadmeTest {

    @TempDir
    Path dir;

    @Test
    void theReadmesExpectedBoardIsWhatTheMainJobPrints() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains("java -jar examples/target/entente.jar board NER --as-of 2024-04-30");
        String expected = readme.split("Standard output:\n\n```\n", 2)[1].split("```", 2)[0];
        StringWriter out = new StringWriter();
        int code = EntenteCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "--store", dir.resolve("store").toString(), "board", "NER", "--as-of", "2024-04-30");
        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo(expected);
    }
}
