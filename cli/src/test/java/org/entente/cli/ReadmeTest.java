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
        assertThat(readme).contains("java -jar cli/target/entente.jar board NER --as-of 2024-04-30");
        String expected = readme.split("Standard output:\n\n```\n", 2)[1].split("```", 2)[0];
        StringWriter out = new StringWriter();
        int code = EntenteCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "--store", dir.resolve("store").toString(), "board", "NER", "--as-of", "2024-04-30");
        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo(expected);
    }

    @Test
    void theReadmesSimulationExampleIsWhatTheCommandPrints() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.split("## Simulations", 2)[1];
        String yaml = section.split("<<'YAML'\n", 2)[1].split("YAML\n", 2)[0];
        String expected = section.split("prints:\n\n```\n", 2)[1].split("```", 2)[0];
        Path file = Files.writeString(dir.resolve("us-stayed.yaml"), yaml);
        StringWriter out = new StringWriter();
        int code = EntenteCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "simulate", "--seed", "niger-2024", "--branch-at", "2024-03-15", "--apply", file.toString(), "--compare-at", "2024-10-01");
        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo(expected);
    }

    @Test
    void theReadmesReportPictureIsInTheRepositoryWithTheCommandThatMakesIt() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.split("\n## Report\n", 2)[1].split("\n## ", 2)[0];
        assertThat(section).containsPattern("!\\[[^\\]]+\\]\\(docs/images/niger-report\\.png\\)")
                .contains("-Dtest=ReportBrowserTest").contains("-Dentente.screenshot=docs/images/niger-report.png");
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(Path.of("..", "docs", "images", "niger-report.png").toFile());
        assertThat(picture).as("docs/images/niger-report.png, a PNG").isNotNull();
        assertThat(picture.getWidth()).as("its width, ReportBrowserTest's window").isEqualTo(1280);
    }

    @Test
    void theReadmesExitCodeTableHasOneRowPerExitCode() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.split("### Exit codes\n", 2)[1].split("\n## ", 2)[0];
        java.util.List<String> rows = section.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).toList();
        assertThat(rows).hasSize(ExitCode.values().length);
        for (ExitCode code : ExitCode.values()) {
            assertThat(rows).as("a row for %s", code).anyMatch(r -> r.startsWith("| " + code.code() + " |"));
        }
        assertThat(section).contains("`ExitCode`");
    }

    @Test
    void theReadmesCommandTableNamesEveryOptionOfEveryCommand() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.split("## The command line\n", 2)[1].split("\n## ", 2)[0];
        java.util.List<String> cells = section.lines().filter(l -> l.startsWith("| `"))
                .map(l -> l.substring(2, l.indexOf("` |") + 1)).toList();
        java.util.Set<String> everywhere = java.util.Set.of("--help", "--version", "--store", "--quiet", "--verbose");
        picocli.CommandLine cli = EntenteCli.commandLine(new EntenteCli(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        cli.getSubcommands().forEach((name, command) -> {
            if (name.equals("help")) {
                return;
            }
            java.util.List<String> rows = cells.stream().filter(c -> c.startsWith("`" + name + " ") || c.startsWith("`" + name + "`")
                    || c.contains("/ `" + name + " ") || c.contains("/ `" + name + "`")).toList();
            assertThat(rows).as("a row for %s in:%n%s", name, cells).hasSize(1);
            for (picocli.CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                if (!everywhere.contains(option.longestName())) {
                    assertThat(rows.get(0)).as("%s's row names %s", name, option.longestName())
                            .containsPattern(java.util.regex.Pattern.quote(option.longestName()) + "(?![\\w-])");
                }
            }
        });
    }

    @Test
    void theReadmesExcerptOfTheHelpIsWhatTheHelpPrints() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String excerpt = readme.split("\\$ java -jar cli/target/entente.jar --help\n", 2)[1].split("```", 2)[0];
        StringWriter out = new StringWriter();
        assertThat(EntenteCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help")).isZero();
        java.util.List<String> help = out.toString().lines().toList();
        java.util.List<String> shown = excerpt.lines().filter(l -> !l.strip().equals("...")).toList();
        assertThat(shown).hasSizeGreaterThan(8);
        assertThat(help).containsSubsequence(shown);
    }
}
