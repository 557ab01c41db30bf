package org.threshold.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.cli.ThresholdCommand;

/** Runs {@code target/threshold-spark.jar} in a fresh JVM with plain {@code java -jar}, as the README tells a user to. */
class SparkJarIT {

    private static final Path JAR = Path.of("target", "threshold-spark.jar");
    private static final Path UNCERTAIN = Path.of("..", "examples", "scenarios", "moscow-struck-uncertain.yaml");

    record Run(int exitCode, String out, String err) {
    }

    private static Run java(String... args) throws IOException, InterruptedException {
        return java(java.util.Map.of(), args);
    }

    private static Run java(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        // both streams go to files: reading one pipe to its end while the other fills up would deadlock
        Path out = Files.createTempFile("threshold-spark-out", ".txt");
        Path err = Files.createTempFile("threshold-spark-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            Process p = builder
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the command did not finish in 180 s: " + command);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theJarRunsTheEnsembleOnSparkWithTheLocalCommandsJsonAndNothingOnStandardError() throws Exception {
        Run spark = java("ensemble", UNCERTAIN.toString(), "--samples", "1500", "--seed", "11", "--format", "json");
        StringWriter local = new StringWriter();
        int localCode = ThresholdCommand.run(new PrintWriter(local), new PrintWriter(new StringWriter()),
                "ensemble", UNCERTAIN.toString(), "--samples", "1500", "--seed", "11", "--format", "json", "--threads", "2");

        assertThat(spark.exitCode()).as(spark.err()).isZero();
        assertThat(localCode).isZero();
        assertThat(spark.err()).as("Spark's log stays quiet by default").isEmpty();
        assertThat(spark.out()).isEqualTo(local.toString());
    }

    @Test
    void theJarAnswersBadInputWithExitTwoAndOneMessage(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nasOf: 2026-01-31\nuncertainty:\n  adversary.capacty: {uniform: [0.2, 0.9]}\n");

        Run r = java("ensemble", bad.toString(), "--master", "local[2]");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("threshold: " + bad + ":4:").contains("adversary.capacity").doesNotContain("\tat ");
    }
}
