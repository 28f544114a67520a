package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * Every library module ships the repository's LICENSE and NOTICE in META-INF/: its classes (during
 * {@code test}), and its jar, -sources jar and -javadoc jar once the reactor has packaged them (then
 * the module's classes come from its jar). Other jars on the class path carry a META-INF/LICENSE of
 * their own, so each module is found by one of its classes, not by a resource lookup.
 */
class LegalFilesTest {

    /** One class of each published library module: core, entente, seeds, testing, eventdata. */
    private static final List<String> MODULE_CLASSES = List.of("org.entente.core.FactId", "org.entente.Entente",
            "org.entente.seeds.Seeds", "org.entente.testing.EntenteAssertions", "org.entente.eventdata.CameoMapping");

    private static final String LICENSE = read(Path.of("..", "LICENSE"));
    private static final String NOTICE = read(Path.of("..", "NOTICE"));

    @Test
    void theRootFilesAreTheApacheLicenseAndEntentesNotice() {
        assertThat(LICENSE.strip()).startsWith("Apache License").contains("Version 2.0");
        assertThat(NOTICE).startsWith("Entente" + "\n");
    }

    @Test
    void everyLibraryModuleCarriesLicenseAndNoticeInEachOfItsJars() throws Exception {
        List<String> checked = new ArrayList<>();
        for (String className : MODULE_CLASSES) {
            Path location = location(Class.forName(className));
            if (Files.isDirectory(location)) {
                assertThat(read(location.resolve("META-INF/LICENSE"))).as("%s: META-INF/LICENSE", location).isEqualTo(LICENSE);
                assertThat(read(location.resolve("META-INF/NOTICE"))).as("%s: META-INF/NOTICE", location).isEqualTo(NOTICE);
                checked.add(location.toString());
                continue;
            }
            String main = location.getFileName().toString();
            assertThat(main).endsWith(".jar");
            List<Path> jars = new ArrayList<>(List.of(location));
            for (String classifier : List.of("-sources.jar", "-javadoc.jar")) {
                Path jar = location.resolveSibling(main.substring(0, main.length() - ".jar".length()) + classifier);
                if (Files.exists(jar)) { // absent when the build skipped it (-Dmaven.javadoc.skip)
                    jars.add(jar);
                }
            }
            for (Path jar : jars) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    assertThat(entry(file, "META-INF/LICENSE")).as("%s: META-INF/LICENSE", jar).isEqualTo(LICENSE);
                    assertThat(entry(file, "META-INF/NOTICE")).as("%s: META-INF/NOTICE", jar).isEqualTo(NOTICE);
                }
                checked.add(jar.getFileName().toString());
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(MODULE_CLASSES.size());
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String entry(JarFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        assertThat(entry).as("%s in %s", name, jar.getName()).isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String read(Path file) {
        assertThat(file).as("a file at %s", file.toAbsolutePath()).isRegularFile();
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
