package org.entente.examples;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * An application that uses Entente without its Spring Boot starter, as this module does (the library, the seeds, the
 * test kit), has no Spring on its class path.
 */
class NoSpringTest {

    @Test
    void theLibraryBringsNoSpring() {
        assertThatThrownBy(() -> Class.forName("org.springframework.core.SpringVersion"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.springframework.boot.SpringApplication"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
