package org.threshold.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.cli.ThresholdCommand;

/**
 * The Spark job against the local command: the same scenario, samples, seed and options give the
 * same output, bit for bit, on Spark {@code local[2]} as with one and with two threads.
 */
class SparkEnsembleCommandTest {

    static final Path UNCERTAIN = Path.of("..", "examples", "scenarios", "moscow-struck-uncertain.yaml");

    record Run(int exitCode, String out, String err) {
    }

    static Run spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run local(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ThresholdCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static String[] args(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void theSameSeedGivesTheLocalCommandsJsonBitForBitOnSparkLocal2() throws Exception {
        List<String> common = List.of("ensemble", UNCERTAIN.toString(), "--samples", "3000", "--seed", "7", "--format", "json");

        Run oneThread = local(args(common, "--threads", "1"));
        Run twoThreads = local(args(common, "--threads", "2"));
        Run onSpark = spark(args(common, "--master", "local[2]"));

        assertThat(oneThread.exitCode()).as(oneThread.err()).isZero();
        assertThat(onSpark.exitCode()).as(onSpark.err()).isZero();
        assertThat(onSpark.err()).isEmpty();
        assertThat(twoThreads.out()).isEqualTo(oneThread.out());
        assertThat(onSpark.out()).isEqualTo(oneThread.out());
        JsonNode json = new ObjectMapper().readTree(onSpark.out());
        assertThat(json.get("samples").asLong()).isEqualTo(3000);
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        assertThat(json.get("assessments").asLong()).isEqualTo(3000);
        // the draws vary: not every conclusion holds always or never
        assertThat(json.get("conclusions").findValues("probability"))
                .anySatisfy(p -> assertThat(p.asDouble()).isStrictlyBetween(0.0, 1.0));
    }

    @Test
    void sensitivityOverUnevenPartitionsGivesTheLocalCommandsJsonTextAndChart(@TempDir Path dir) throws Exception {
        List<String> common = List.of("ensemble", UNCERTAIN.toString(), "--samples", "200", "--seed", "3", "--sensitivity");
        Path chart = dir.resolve("load-bearing.svg");

        Run localJson = local(args(common, "--threads", "2", "--format", "json"));
        Run sparkJson = spark(args(common, "--master", "local[2]", "--partitions", "7", "--format", "json"));
        Run localText = local(args(common, "--threads", "1", "--chart", chart.toString()));
        String localChart = Files.readString(chart);
        Files.delete(chart);
        Run sparkText = spark(args(common, "--master", "local[2]", "--partitions", "3", "--chart", chart.toString()));

        assertThat(sparkJson.exitCode()).as(sparkJson.err()).isZero();
        assertThat(sparkJson.out()).isEqualTo(localJson.out());
        JsonNode json = new ObjectMapper().readTree(sparkJson.out());
        assertThat(json.get("assessments").asLong()).isEqualTo(200L * (5 + 2));
        assertThat(json.get("sensitivity").size()).isPositive();
        assertThat(sparkText.exitCode()).as(sparkText.err()).isZero();
        assertThat(sparkText.out()).isEqualTo(localText.out()).contains("holds in");
        assertThat(sparkText.err()).contains("threshold: wrote " + chart);
        assertThat(Files.readString(chart)).isEqualTo(localChart).contains("<svg");
    }

    @Test
    void aJsonScenarioFileGivesTheLocalCommandsJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("moscow-struck-uncertain.json");
        Object tree = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readValue(UNCERTAIN.toFile(),
                Object.class);
        new ObjectMapper().writeValue(json.toFile(), tree);
        List<String> common = List.of("ensemble", json.toString(), "--samples", "400", "--seed", "2", "--format", "json");

        Run local = local(args(common, "--threads", "1"));
        Run onSpark = spark(args(common, "--master", "local[2]"));

        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(onSpark.exitCode()).as(onSpark.err()).isZero();
        assertThat(onSpark.out()).isEqualTo(local.out()).contains("moscow-struck-uncertain");
    }

    @Test
    void aScenarioWithoutUncertaintyExitsTwoWithTheLocalCommandsMessage() {
        Path plain = Path.of("..", "examples", "scenarios", "moscow-struck.yaml");

        Run r = spark("ensemble", plain.toString(), "--master", "local[2]");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(local("ensemble", plain.toString()).err()).contains("uncertainty");
    }

    @Test
    void aMistakeInTheUncertaintySectionExitsTwoNamingTheLineAndColumn(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nasOf: 2026-01-31\nuncertainty:\n  adversary.capacity: {uniform: [0.9, 0.2]}\n");

        Run r = spark("ensemble", bad.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("threshold: " + bad + ":4:").doesNotContain("\tat ");
        assertThat(r.err()).isEqualTo(local("ensemble", bad.toString()).err());
    }

    @Test
    void aMissingScenarioFileExitsTwo() {
        Run r = spark("ensemble", "no-such-file.yaml");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("threshold: no-such-file.yaml: no such file");
    }

    @Test
    void badOptionsExitTwoNamingTheOption() {
        Run partitions = spark("ensemble", UNCERTAIN.toString(), "--partitions", "0");
        Run samples = spark("ensemble", UNCERTAIN.toString(), "--samples", "0");
        Run threads = spark("ensemble", UNCERTAIN.toString(), "--threads", "2");

        assertThat(partitions.exitCode()).isEqualTo(2);
        assertThat(partitions.err()).startsWith("threshold: --partitions: expected a positive number of partitions, got 0");
        assertThat(samples.exitCode()).isEqualTo(2);
        assertThat(samples.err()).startsWith("threshold: --samples:");
        assertThat(threads.exitCode()).isEqualTo(2);
        assertThat(threads.err()).contains("Unknown option").contains("'--threads'").contains("--master").contains("--partitions");
        assertThat(partitions.out() + samples.out() + threads.out()).isEmpty();
    }

    @Test
    void aBadMasterUrlExitsTwoNamingTheOption() {
        Run r = spark("ensemble", UNCERTAIN.toString(), "--samples", "10", "--master", "nowhere[2]");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("threshold: --master: ").contains("nowhere[2]").doesNotContain("\tat ");
    }

    @Test
    void threadsIsNotAnOptionOnSparkAndTheMessageSaysWhereTheCoresComeFrom() {
        Run r = spark("ensemble", UNCERTAIN.toString(), "--samples", "10", "--threads", "2");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("threshold: Unknown options: '--threads', '2'")
                .contains("On Spark the cores come from --master").doesNotContain("Maybe you meant").doesNotContain("\tat ");
    }

    @Test
    void aMisspeltOptionGetsTheNearestOneAsOnTheLocalCommandLine() {
        Run r = spark("ensemble", UNCERTAIN.toString(), "--sampels", "10");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("Maybe you meant --samples instead of --sampels.");
    }

    @Test
    void theTimeLimitTravelsWithTheRulesAndStopsASlowRule(@TempDir Path dir) throws Exception {
        Path rule = dir.resolve("slow.drl");
        Files.writeString(rule, """
                package org.example.slow
                import org.threshold.fact.AsOf
                rule "waits on every draw"
                when
                    AsOf()
                then
                    Thread.sleep(60000);
                end
                """);

        Run r = spark("ensemble", UNCERTAIN.toString(), "--samples", "4", "--master", "local[2]", "--rules", rule.toString(),
                "--no-default-rules", "--timeout", "300ms");
        RulesSpec shipped = new RulesSpec(false, List.of(new RulesSpec.Pack("slow",
                List.of(new RulesSpec.DrlFile("slow.drl", Files.readString(rule))), List.of())), 100, java.time.Duration.ofMillis(300));
        org.threshold.Reasoner executorSide = shipped.build();
        org.threshold.Scenario scenario = org.threshold.scenario.ScenarioReader.read(UNCERTAIN);
        long start = System.nanoTime();
        Throwable onExecutor = org.assertj.core.api.Assertions.catchThrowable(() -> executorSide.assess(scenario));
        long took = System.nanoTime() - start;

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("threshold: ").contains("waits on every draw").doesNotContain("\tat ");
        assertThat(onExecutor).isInstanceOf(org.threshold.RuleFailureException.class).hasMessageContaining("waits on every draw");
        // stopped by the shipped 300 ms limit, well before the default 10 s
        assertThat(took).isLessThan(5_000_000_000L);
    }

    @Test
    void aUserRuleThatFailsInATaskExitsTwoWithItsMessage(@TempDir Path dir) throws Exception {
        Path rule = dir.resolve("failing.drl");
        Files.writeString(rule, """
                package org.example.failing
                import org.threshold.fact.AsOf
                rule "fails on every draw"
                when
                    AsOf()
                then
                    throw new IllegalStateException("this rule always fails");
                end
                """);

        Run r = spark("ensemble", UNCERTAIN.toString(), "--samples", "20", "--master", "local[2]", "--rules", rule.toString(),
                "--no-default-rules");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("threshold: rule 'fails on every draw' failed in its action: "
                + "java.lang.IllegalStateException: this rule always fails; it had matched [AsOf[day=2026-11-24]]");
    }
}
