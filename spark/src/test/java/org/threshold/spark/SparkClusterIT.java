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

/**
 * Runs {@code target/threshold-spark.jar} with executors in JVMs of their own, as on a cluster. It
 * takes a minute on two busy cores, so it runs only under {@code -Pspark-cluster}:
 * {@code mvn -B -Pspark-cluster -pl spark -am verify -Dtest=NoTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SparkClusterIT {

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

    /**
     * Spark's {@code local-cluster} master starts a standalone master and workers in the driver's
     * JVM and each executor in a JVM of its own, launched as on a cluster from SPARK_HOME/jars:
     * nothing but the job's text reaches them, and each builds its own reasoner.
     */
    @Test
    void executorsInJvmsOfTheirOwnGiveTheLocalCommandsJson(@TempDir Path sparkHome) throws Exception {
        Files.createDirectories(sparkHome.resolve("jars"));
        Files.copy(JAR, sparkHome.resolve("jars").resolve("threshold-spark.jar"));
        Files.writeString(sparkHome.resolve("RELEASE"), "Spark as the executors of this test see it\n");

        Run spark = java(java.util.Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13"),
                "ensemble", UNCERTAIN.toString(), "--samples", "1200", "--seed", "5", "--format", "json",
                "--master", "local-cluster[2,1,1024]");
        StringWriter local = new StringWriter();
        ThresholdCommand.run(new PrintWriter(local), new PrintWriter(new StringWriter()),
                "ensemble", UNCERTAIN.toString(), "--samples", "1200", "--seed", "5", "--format", "json", "--threads", "1");

        assertThat(spark.exitCode()).as(spark.err()).isZero();
        assertThat(spark.out()).isEqualTo(local.toString());
        List<Path> executorLogs;
        try (var files = Files.walk(sparkHome.resolve("work"))) {
            executorLogs = files.filter(f -> f.getFileName().toString().equals("stderr")).toList();
        }
        assertThat(executorLogs).as("one log per executor JVM").hasSizeGreaterThanOrEqualTo(2);
        assertThat(Files.readString(executorLogs.get(0))).contains("CoarseGrainedExecutorBackend");
    }
}
