package org.entente.examples.spring;

import java.time.LocalDate;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Actor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /partnerships/{country}?asOf=2024-04-30}: the country's partnerships on that day (today, by the
 * Entente's clock, without {@code asOf}), as the library's own portfolio JSON ({@code entente-portfolio/1}, each
 * partner with its dyad and status).
 */
@RestController
class PartnershipController {

    private final Entente entente;

    PartnershipController(Entente entente) {
        this.entente = entente;
    }

    @GetMapping(path = "/partnerships/{country}", produces = MediaType.APPLICATION_JSON_VALUE)
    String partnerships(@PathVariable("country") String country,
                        @RequestParam(name = "asOf", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        When when = When.asOf(asOf != null ? asOf : LocalDate.now(entente.clock()));
        return entente.portfolio(Actor.of(country), when).toJson(when);
    }

    /** An unknown country: the library's message says which codes are close. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
