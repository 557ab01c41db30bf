package org.threshold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile rule files through {@code threshold assess}, each held to the promise of the command
 * line: exit 0 with the conclusion the file draws in the report, or exit 2 with one message that
 * names the file or the rule, no stack trace, and nothing on standard output.
 *
 * <p>The files are under {@code src/test/resources/hostile-rules}; the first line of each says
 * what to expect ({@code // expect: 0 CONCLUSION} or {@code // expect: 2 words of the message}).
 * Files that cannot be written as text (other encodings, a 5 MB file, an empty one) are made
 * here. Rules whose action or condition never returns are in {@link HostileRulesJarIT}: the
 * command abandons them by exiting, which only a JVM of their own may do.
 */
class HostileRulesTest {

    private static final Path FOLDER = Path.of("src", "test", "resources", "hostile-rules");
    private static final String MOSCOW = "scenarios/moscow-struck.yaml";

    /** One hostile rule file and what the command must answer. */
    record Case(String name, byte[] bytes, int exitCode, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(f);
                String first = new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
                assertThat(first).as(f + " says what to expect").startsWith("// expect: ");
                String[] expect = first.substring("// expect: ".length()).split(" ", 2);
                cases.add(new Case(f.getFileName().toString(), bytes, Integer.parseInt(expect[0]), expect[1]));
            }
        }
        String valid = """
                package hostile;
                import org.threshold.fact.*;
                rule "caf\u00e9 strike"
                when
                    Strike()
                then
                    insertLogical( new Conclusion( "ENCODED", Reason.of( "read as text" ) ) );
                end
                """;
        cases.add(new Case("encoding-latin1.drl", valid.getBytes(StandardCharsets.ISO_8859_1), 2,
                "encoding-latin1.drl:3: the file is not UTF-8 text: byte 0xE9 at byte offset 55 (line 3)"));
        cases.add(new Case("encoding-utf16.drl", valid.getBytes(StandardCharsets.UTF_16), 2,
                "encoding-utf16.drl:1: the file is not UTF-8 text: byte 0xFE at byte offset 0 (line 1)"));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
        cases.add(new Case("encoding-utf8-bom.drl", withBom, 0, "ENCODED"));
        StringBuilder big = new StringBuilder(valid);
        String padding = "// " + "padding ".repeat(12) + "\n";
        while (big.length() < 5 * 1024 * 1024) {
            big.append(padding);
        }
        cases.add(new Case("five-megabytes.drl", big.toString().getBytes(StandardCharsets.UTF_8), 0, "ENCODED"));
        cases.add(new Case("empty.drl", new byte[0], 0, "BOUNDED_ADVERSARY"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aHostileRuleFileGivesExitZeroWithItsConclusionOrExitTwoWithOneMessageNamingTheFileOrRule(Case c,
            @TempDir Path dir) throws IOException {
        Path file = c.name().startsWith("encoding-") || c.name().equals("five-megabytes.drl") || c.name().equals("empty.drl")
                ? Files.write(dir.resolve(c.name()), c.bytes()) : FOLDER.resolve(c.name());

        CommandRunner r = CommandRunner.run("assess", MOSCOW, "--rules", file.toString(), "--timeout", "2s");

        assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by")
                .doesNotContain("internal error");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(c.exitCode());
        if (c.exitCode() == 0) {
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).startsWith("Scenario moscow-struck").contains("  " + c.expected());
        } else {
            assertThat(r.out()).as("nothing on standard output").isEmpty();
            assertThat(r.err()).startsWith("threshold: ").contains(c.expected().replace("hostile-rules/", FOLDER + "/"));
            assertThat(r.err().split("\\R")).as("one message").filteredOn(l -> l.startsWith("threshold:")).hasSize(1);
            boolean namesFile = r.err().contains(c.name());
            boolean namesRule = r.err().matches("(?s).*(rule|most:) '[^']+'.*");
            assertThat(namesFile || namesRule).as("names the file or a rule: " + r.err()).isTrue();
        }
    }
}
