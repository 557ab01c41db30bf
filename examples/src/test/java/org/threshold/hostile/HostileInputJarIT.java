package org.threshold.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A handful of hostile files through the packaged {@code target/threshold.jar}, in a fresh JVM each. */
class HostileInputJarIT {

    private static final Path JAR = Path.of("target", "threshold.jar");
    private static final String OK = "name: x\nasOf: 2026-01-31\n";

    static List<Object[]> files() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        byte[] junk = new byte[2048];
        new java.util.Random(42).nextBytes(junk);
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("bomb.yaml", bomb.toString().getBytes(StandardCharsets.UTF_8));
        files.put("junk.yaml", junk);
        files.put("deep.json", ("{\"name\": \"x\", \"asOf\": \"2026-01-31\", \"events\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}")
                .getBytes(StandardCharsets.UTF_8));
        files.put("empty.yaml", new byte[0]);
        files.put("nan.yaml", (OK + "adversary: {capacity: .nan}\n").getBytes(StandardCharsets.UTF_8));
        files.put("feb30.yaml", (OK + "events:\n  - {day: 2026-02-30, type: THREAT}\n").getBytes(StandardCharsets.UTF_8));
        files.put("cut.yaml", (OK + "events:\n  - {day: 2026-01-02, type: STR").getBytes(StandardCharsets.UTF_8));
        files.put("bom.json", ("\uFEFF{\"name\": \"bom\", \"asOf\": \"2026-01-31\"}").getBytes(StandardCharsets.UTF_8));
        List<Object[]> out = new ArrayList<>();
        files.forEach((name, bytes) -> out.add(new Object[] {name, bytes}));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void theJarAnswersAHostileFileWithExitZeroOrTwoAndNeverAStackTrace(String name, byte[] bytes, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "assess", file.toString()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
        if (name.equals("bom.json")) {
            assertThat(p.exitValue()).as(err).isZero();
            assertThat(out).startsWith("Scenario bom");
        } else {
            assertThat(p.exitValue()).isEqualTo(2);
            assertThat(out).isEmpty();
            assertThat(err.strip()).startsWith("threshold: " + file + ":").doesNotContain("\n");
        }
    }
}
