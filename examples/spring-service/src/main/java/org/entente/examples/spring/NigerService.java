package org.entente.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small service on Entente's Spring Boot starter: the starter makes the {@code Entente} bean from the
 * {@code entente.*} properties, {@link SeedLoader} fills an empty store with the Niger seed on start,
 * {@link PartnershipController} answers {@code GET /partnerships/{country}?asOf=}, and {@link ChangeLog} logs
 * each {@code PartnershipChanged}.
 *
 * <pre>
 * ./mvnw -pl examples/spring-service -am spring-boot:run    (see the README, "Spring Boot")
 * curl 'http://localhost:8080/partnerships/NER?asOf=2024-04-30'
 * </pre>
 */
@SpringBootApplication
public class NigerService {

    /**
     * Starts the service.
     *
     * @param args Spring Boot's arguments, such as {@code --entente.h2.directory=/tmp/niger}
     */
    public static void main(String[] args) {
        SpringApplication.run(NigerService.class, args);
    }
}
