package org.entente.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Spring Boot" section stays true: its Java compiles against the starter (the adoption test, which
 * compiles the README's other Java without Spring, leaves this section to this test), its table lists every
 * property with the default the jar's metadata gives, and the versions it tells Boot applications to set are the
 * build's.
 */
class ReadmeSpringBootTest {

    private static final String IMPORTS = String.join("\n",
            "import java.time.*;",
            "import org.entente.*;",
            "import org.entente.subscription.*;",
            "import org.entente.spring.boot.*;",
            "import org.slf4j.Logger;",
            "import org.slf4j.LoggerFactory;",
            "import org.springframework.context.annotation.Bean;",
            "import org.springframework.context.annotation.Configuration;",
            "import org.springframework.stereotype.Component;",
            "");

    static String section;

    @BeforeAll
    static void readTheSection() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("\n## Spring Boot\n");
        assertThat(start).as("the README's Spring Boot section").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        section = readme.substring(start, end);
    }

    @Test
    void theSectionsJavaCompilesAgainstTheStarter(@TempDir Path tmp) throws IOException {
        List<String> blocks = blocks("java");
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Path file = Files.createDirectories(tmp.resolve("src")).resolve("Block" + i + ".java");
            // Each block is a class as an application writes it; the one public class per file is the block's own.
            Files.writeString(file, IMPORTS + blocks.get(i));
            sources.add(file);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean compiled = javac.getTask(null, files, diagnostics,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", Files.createDirectories(tmp.resolve("classes")).toString(),
                            "-proc:none"),
                    null, files.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(compiled).as("the README's Spring Boot Java compiles: %s", diagnostics.getDiagnostics()).isTrue();
        }
    }

    @Test
    void theTableListsEveryPropertyWithTheDefaultOfTheMetadata() throws IOException {
        Map<String, String> table = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(entente\\.[a-z0-9.-]+)` \\| ([^|]+) \\|").matcher(section);
        while (row.find()) {
            table.put(row.group(1), row.group(2).strip());
        }
        JsonNode metadata;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        metadata.get("properties").forEach(p -> {
            String name = p.get("name").asText();
            names.add(name);
            if (p.has("defaultValue") && !p.get("defaultValue").asText().isEmpty()) {
                assertThat(table.get(name)).as("the README's default of %s", name).isEqualTo("`" + p.get("defaultValue").asText() + "`");
            }
        });
        assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void theVersionsBootApplicationsSetAreTheBuilds() {
        String xml = blocks("xml").stream().filter(b -> b.contains("<h2.version>")).findFirst().orElseThrow();
        assertThat(xml).contains("<h2.version>" + System.getProperty("entente.h2.version") + "</h2.version>")
                .contains("<jackson-2-bom.version>" + System.getProperty("entente.jackson.version") + "</jackson-2-bom.version>");
        assertThat(section).contains("`com.h2database:h2:" + System.getProperty("entente.h2.version") + "`")
                .contains("`com.fasterxml.jackson:jackson-bom:" + System.getProperty("entente.jackson.version") + "`");
    }

    private static List<String> blocks(String language) {
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("(?s)```" + language + "\n(.*?)```").matcher(section);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }
}
