package org.threshold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules whose action or condition never returns, through {@code target/threshold.jar} in a JVM of
 * their own: Java code stuck in a rule cannot be stopped, so the command abandons it past the time
 * limit by exiting with 2, naming the rule, with nothing on standard output. (In a test's own JVM
 * the stuck thread would spin on for the rest of the build.)
 */
class HostileRulesJarIT {

    private static final Path JAR = Path.of("target", "threshold.jar");

    static List<Object[]> rules() {
        return List.of(
                new Object[] {"spin.drl", """
                        package hostile;
                        import org.threshold.fact.*;
                        rule "spin forever"
                        when
                            Strike()
                        then
                            while ( true ) { }
                        end
                        """, "rule 'spin forever' ("},
                new Object[] {"spin-in-function.drl", """
                        package hostile;
                        import org.threshold.fact.*;
                        function void forever() {
                            for ( long i = 0; i >= 0; i = ( i + 1 ) % 1000 ) { }
                        }
                        rule "calls a function that never returns"
                        when
                            Threat()
                        then
                            forever();
                        end
                        """, "rule 'calls a function that never returns' ("},
                new Object[] {"spin-in-condition.drl", """
                        package hostile;
                        import org.threshold.fact.*;
                        function boolean never() {
                            while ( true ) { }
                        }
                        rule "a condition that never returns"
                        when
                            Strike()
                            eval( never() )
                        then
                        end
                        """, "rule 'a condition that never returns' ("});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void aRuleThatNeverReturnsIsAbandonedPastTheTimeLimitWithExitTwoNamingTheRule(String name, String drl, String named,
            @TempDir Path dir) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, drl);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "assess", "scenarios/moscow-struck.yaml", "--rules", file.toString(), "--timeout", "1s")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }

        assertThat(ended).as("the command ended by itself").isTrue();
        String error = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(error).isEqualTo(2);
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).as("nothing on standard output").isEmpty();
        assertThat(error.strip()).doesNotContain("\n").doesNotContain("\tat ")
                .startsWith("threshold: " + named + file + ":")
                .contains("is still running on scenario 'moscow-struck' past the time limit of 1 s and cannot be stopped");
    }
}
