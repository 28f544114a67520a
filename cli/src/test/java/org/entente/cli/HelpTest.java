package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Issue 13: the top-level help lists every command with its whole one-line summary, and every help
 * page ends with examples that fit the width, parse, and (those that need no file and no server) run.
 */
class HelpTest {

    @TempDir
    Path dir;

    private static CommandLine cli() {
        return EntenteCli.commandLine(new EntenteCli(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    /** The root and every command under it, depth first, in the order the help lists them. */
    private static List<CommandLine> walk(CommandLine c) {
        List<CommandLine> all = new ArrayList<>();
        all.add(c);
        c.getSubcommands().values().forEach(sub -> all.addAll(walk(sub)));
        return all;
    }

    private static String help(CommandLine c) {
        return c.getUsageMessage(Ansi.OFF);
    }

    /** The one-line summary picocli shows for a command in its parent's list: the header's first line, else the description's. */
    private static String summary(CommandLine c) {
        String[] header = c.getCommandSpec().usageMessage().header();
        String[] lines = header.length > 0 ? header : c.getCommandSpec().usageMessage().description();
        return String.format(lines[0]);
    }

    /** The examples of a command's help, each as one line (a trailing backslash continues it on the next). */
    static List<String> examples(CommandLine c) {
        List<String> examples = new ArrayList<>();
        StringBuilder current = null;
        for (String line : c.getCommandSpec().usageMessage().footer()) {
            if (current == null && line.startsWith("  entente ")) {
                current = new StringBuilder();
            }
            if (current != null) {
                String text = line.strip();
                boolean continues = text.endsWith("\\");
                current.append(continues ? text.substring(0, text.length() - 1).strip() : text).append(continues ? " " : "");
                if (!continues) {
                    examples.add(current.toString());
                    current = null;
                }
            }
        }
        return examples;
    }

    /** An example's words after {@code entente}, as a POSIX shell would split them (double quotes only). */
    static List<String> words(String example) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char ch : example.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(ch) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(ch);
                inWord = true;
            }
        }
        assertThat(quoted).as("unbalanced quotes in %s", example).isFalse();
        if (inWord) {
            words.add(word.toString());
        }
        assertThat(words.get(0)).isEqualTo("entente");
        return words.subList(1, words.size());
    }

    @Test
    void theTopLevelHelpListsEveryCommandWithItsWholeSummaryOnOneLine() {
        for (CommandLine parent : walk(cli())) {
            if (parent.getSubcommands().isEmpty()) {
                continue;
            }
            List<String> lines = help(parent).lines().toList();
            if (parent.getParent() == null) {
                assertThat(parent.getSubcommands()).as("every command and help").hasSizeGreaterThanOrEqualTo(16);
            }
            parent.getSubcommands().forEach((name, command) -> {
                String summary = summary(command);
                assertThat(summary).as(name).endsWith(".").doesNotContain("\n");
                Pattern row = Pattern.compile("  " + Pattern.quote(name) + " +" + Pattern.quote(summary));
                int at = -1;
                for (int i = 0; i < lines.size(); i++) {
                    if (row.matcher(lines.get(i)).matches()) {
                        at = i;
                    }
                }
                assertThat(at).as("%s's whole summary on one line of:%n%s", name, help(parent)).isNotNegative();
                assertThat(lines.get(at + 1)).as("%s's summary continues on the next line", name).doesNotMatch(" {4,}\\S.*");
            });
        }
    }

    @Test
    void everyCommandThatListsVersionPrintsIt() {
        String version = cli().getCommandSpec().version()[0];
        assertThat(version).startsWith("entente ");
        for (CommandLine c : walk(cli())) {
            if (c.getCommandSpec().optionsMap().containsKey("--version")) {
                List<String> args = new ArrayList<>(List.of(c.getCommandSpec().qualifiedName().split(" ")));
                args.remove(0);
                args.add("--version");
                CliTest.Run r = CliTest.execute(args.toArray(String[]::new));
                assertThat(r.code()).as(args.toString()).isZero();
                assertThat(r.out()).as(args.toString()).isEqualTo(version + System.lineSeparator());
            }
        }
    }

    @Test
    void optionDescriptionsWrapAtWordsWithOneIndentForContinuations() {
        Pattern optionRow = Pattern.compile("^(  -\\S, |      )--\\S+ +(\\S.*)$");
        for (CommandLine c : walk(cli())) {
            String name = c.getCommandSpec().qualifiedName();
            List<String> lines = help(c).lines().toList();
            int column = -1;
            for (String line : lines) {
                java.util.regex.Matcher m = optionRow.matcher(line);
                if (m.matches()) {
                    column = m.start(2);
                } else if (column > 0 && line.isBlank()) {
                    column = -1;
                } else if (column > 0 && line.length() > column && line.substring(0, column).isBlank()) {
                    // A continuation of an option's description: indented two beyond where descriptions start.
                    assertThat(line).as("%s: continuation indent of%n%s", name, help(c))
                            .startsWith(" ".repeat(column + 2)).doesNotStartWith(" ".repeat(column + 3));
                }
                // An instant, a time or a URL is never cut after its colon.
                assertThat(line).as("%s: a token wrapped at its colon", name).doesNotMatch(".*\\d:$");
            }
        }
    }

    @Test
    void everyHelpPageHasASummaryAndExamplesThatFitTheWidth() {
        for (CommandLine c : walk(cli())) {
            String name = c.getCommandSpec().qualifiedName();
            String help = help(c);
            int width = c.getUsageHelpWidth();
            assertThat(help.lines().findFirst()).as(name).contains(summary(c));
            assertThat(summary(c).length()).as(name).isLessThanOrEqualTo(width);
            assertThat(help).as(name).contains(System.lineSeparator() + "Examples:" + System.lineSeparator());
            assertThat(examples(c)).as(name).isNotEmpty();
            for (String line : c.getCommandSpec().usageMessage().footer()) {
                assertThat(line.length()).as("%s: '%s' is wrapped", name, line).isLessThanOrEqualTo(width);
                assertThat(help).as(name).contains(line + System.lineSeparator());
            }
        }
    }

    @Test
    void everyExampleParsesAndIsAnExampleOfItsCommand() {
        for (CommandLine c : walk(cli())) {
            for (String example : examples(c)) {
                List<String> args = words(example);
                CommandLine fresh = cli();
                assertThatCode(() -> fresh.parseArgs(args.toArray(String[]::new))).as(example).doesNotThrowAnyException();
                if (c.getParent() != null) {
                    CommandLine.ParseResult parsed = fresh.parseArgs(args.toArray(String[]::new));
                    while (parsed.hasSubcommand()) {
                        parsed = parsed.subcommand();
                    }
                    assertThat(parsed.commandSpec().qualifiedName()).as(example).isEqualTo(c.getCommandSpec().qualifiedName());
                }
            }
        }
    }

    @Test
    void everyExampleThatNeedsNoFileAndNoServerSucceedsOnTheBundledSeed() {
        String store = dir.resolve("store").toString();
        assertThat(CliTest.execute("--store", store, "--quiet", "load", "niger-2024").code()).isZero();
        List<String> ran = new ArrayList<>();
        for (CommandLine c : walk(cli())) {
            for (String example : examples(c)) {
                List<String> args = words(example);
                boolean needsFileOrServer = args.stream().anyMatch(a -> a.contains("/") || a.matches(".*\\.[A-Za-z]+")
                        || a.equals("--store") || a.equals("migrate") || a.equals("store-import"));
                if (needsFileOrServer) {
                    continue;
                }
                List<String> withStore = new ArrayList<>(List.of("--store", store, "--quiet"));
                withStore.addAll(args);
                CliTest.Run r = CliTest.execute(withStore.toArray(String[]::new));
                assertThat(r.code()).as("%s%n%s", example, r.err()).isZero();
                ran.add(example);
            }
        }
        assertThat(ran).as("examples run").hasSizeGreaterThanOrEqualTo(15)
                .contains("entente retract chn-talks-2023 --reason \"duplicate of chn-talks\"", "entente repair --dry-run",
                        "entente export cameo -", "entente help board");
    }
}
