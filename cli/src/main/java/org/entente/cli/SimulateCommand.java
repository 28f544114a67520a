package org.entente.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.seeds.ScenarioFile;
import org.entente.seeds.SeedFormatException;
import org.entente.seeds.Seeds;
import org.entente.simulation.Scenario;
import org.entente.simulation.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code simulate --branch-at DATE --apply FILE}: a what-if branch, compared with real history. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        header = "Compare a what-if branch with real history; write nothing.",
        description = {"Run a what-if branch of real history: hypothetical facts added and real facts removed after the"
                + " branch date (FILE in the scenario format), compared with real history. Nothing is written.",
                "With --seed, real history is that seed in memory instead of the store."},
        footerHeading = "%nExamples:%n",
        footer = {"  entente simulate --seed niger-2024 --branch-at 2024-03-15 \\",
                "      --apply us-stayed.yaml --compare-at 2024-10-01",
                "  entente simulate --branch-at 2024-03-15 --apply us-stayed.yaml \\",
                "      --country NER --format json"})
final class SimulateCommand implements Callable<Integer> {

    @ParentCommand
    EntenteCli root;

    @Option(names = "--branch-at", required = true, paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "The branch date: the scenario's changes happen after it.")
    LocalDate branchAt;

    @Option(names = "--apply", required = true, paramLabel = "FILE", description = "A scenario file (entente-scenario/1).")
    Path file;

    @Option(names = "--compare-at", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "Dates to compare on (repeatable; default: the branch date plus 30 days).")
    List<LocalDate> compareAt = new ArrayList<>();

    @Option(names = "--country", paramLabel = "COUNTRY", converter = Converters.CountryConverter.class,
            description = "The country whose portfolio is compared (default: the first actor or target of the scenario's facts, else NER).")
    Actor country;

    @Option(names = "--seed", paramLabel = "NAME", description = "Real history from this seed, in memory, instead of --store.")
    String seed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new EntenteCli.UsageError("no file " + file + "; expected a scenario file (entente-scenario/1, YAML or JSON)");
        }
        ScenarioFile scenarioFile;
        try {
            scenarioFile = Seeds.readScenario(file);
        } catch (SeedFormatException e) {
            throw new EntenteCli.UsageError(e.getMessage());
        }
        Scenario scenario = Scenario.branchAt(branchAt).addAll(scenarioFile.commands()).removeAll(scenarioFile.removedIds());
        List<LocalDate> dates = compareAt.isEmpty() ? List.of(branchAt.plusDays(30)) : compareAt;
        Actor subject = country != null ? country : scenarioFile.commands().stream()
                .map(c -> c.fact().target()).findFirst().orElse(Country.of("NER"));
        try (Entente entente = seed != null ? Entente.inMemory() : root.open()) {
            if (seed != null) {
                entente.recordAll(SeedLoading.resolve(seed).commands());
            }
            Simulation simulation;
            try {
                simulation = entente.simulate(scenario);
            } catch (IllegalArgumentException e) {
                throw new EntenteCli.UsageError(file + ": " + e.getMessage());
            }
            java.io.PrintWriter out = root.spec.commandLine().getOut();
            out.print(format == Format.JSON ? simulation.toJson(subject, dates) + "\n" : simulation.toText(subject, dates));
            out.flush();
        }
        return ExitCode.SUCCESS.code();
    }
}
