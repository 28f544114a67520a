package org.entente.examples.spring;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.Entente;
import org.entente.core.relationship.FactCommand;
import org.entente.seeds.Seed;
import org.entente.seeds.Seeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the bundled Niger seed on start when the store has never held an event (a store that has one is left as it
 * is, so a restart does not record the seed twice). {@code sample.seed.until=2024-03-15} loads only the facts that
 * happened up to that day, leaving the later ones for the service to record as news.
 */
@Component
class SeedLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final Entente entente;
    private final Optional<LocalDate> until;

    SeedLoader(Entente entente, @Value("${sample.seed.until:}") String until) {
        this.entente = entente;
        this.until = until.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(until));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!entente.store().isNew()) {
            log.info("the store already holds events; the Niger seed is not loaded again");
            return;
        }
        Seed seed = Seeds.bundled("niger-2024");
        List<FactCommand> facts = seed.commands().stream()
                .filter(c -> until.map(day -> !c.fact().happened().day().isAfter(day)).orElse(true))
                .toList();
        seed.organisations().forEach(o -> entente.registerOrganisation(o.organisation()));
        int events = entente.recordAll(facts).events();
        log.info("loaded {} facts of the Niger seed{} ({} events)", facts.size(), until.map(d -> " up to " + d).orElse(""), events);
    }
}
