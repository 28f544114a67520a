package org.entente.examples;

import java.time.LocalDate;
import java.util.stream.Collectors;
import org.entente.Entente;
import org.entente.core.Country;
import org.entente.core.text.TerminalText;
import org.entente.seeds.Seeds;
import org.entente.timeline.TimelineFilter;

/** Loads the bundled Niger seed in memory and prints Niger's 2024 timeline with its sources. */
public final class PrintTimeline {

    private PrintTimeline() {
    }

    /** The timeline, one fact a line; stored text is escaped for the terminal ({@link TerminalText}). */
    public static String run() {
        try (Entente entente = Entente.inMemory()) {
            entente.recordAll(Seeds.bundled("niger-2024").commands());
            return entente.timeline(Country.of("NER"), TimelineFilter.all().from(LocalDate.of(2024, 1, 1))).stream()
                    .map(e -> e.fact().fact().happened() + " " + e.fact().fact().actor() + " -> " + e.fact().fact().target()
                            + " " + e.fact().kind().label() + " (" + e.fact().fact().id() + "; "
                            + e.fact().fact().sources().stream().map(s -> TerminalText.escape(s.publisher().orElse(s.kind().name().toLowerCase())))
                            .collect(Collectors.joining(", ")) + ")")
                    .collect(Collectors.joining("\n", "", "\n"));
        }
    }

    /** Prints {@link #run()}. */
    public static void main(String[] args) {
        System.out.print(run());
    }
}
