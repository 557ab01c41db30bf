package org.threshold.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.cli.ThresholdCommand;
import org.threshold.scenario.ScenarioReader;

/**
 * Hostile scenario files against the reader, the reasoner and the {@code assess} command: each
 * input is a valid scenario or exit code 2 with one precise message; never exit code 1, never a
 * stack trace, never a lost or invented event. See {@link HostileDocuments} for how inputs are made.
 *
 * <p>The default build tries 300 inputs against the API and 60 against the command (the system
 * property {@code threshold.fuzz.examples}); {@code mvn -Pfuzz ...} runs the long campaign.
 */
class FuzzScenarioInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger N = new AtomicInteger();
    private static Reasoner reasoner;
    private static HostileDocuments documents;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        reasoner = Threshold.builder().build();
        documents = new HostileDocuments(Path.of("scenarios"));
    }

    @AfterAll
    static void report() {
        System.out.println("Hostile inputs tried, by mutation:\n" + HostileRule.tally());
    }

    @Test
    void everyHostileFileIsReadAndAssessedOrRefusedPrecisely() {
        qt().withExamples(HostileRule.EXAMPLES).withShrinkCycles(200).forAll(documents.hostile()).checkAssert(d -> {
            Path file = write(d);
            // WHEN the reader reads it, THEN it is refused precisely or read with every event
            Scenario s = HostileRule.read(file, d);
            if (s != null) {
                // and the reasoner assesses what the reader accepts
                Assessment a = reasoner.assess(s);
                assertThat(a.scenario()).isEqualTo(s.name());
            }
            delete(file);
        });
    }

    @Test
    void theCommandAnswersEveryHostileFileWithExitZeroOrTwoAndNoStackTrace() {
        int examples = Math.max(40, HostileRule.EXAMPLES / 5);
        qt().withExamples(examples).withShrinkCycles(50).forAll(documents.hostile()).checkAssert(d -> {
            Path file = write(d);
            boolean json = N.get() % 2 == 0;
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = json
                    ? ThresholdCommand.run(new PrintWriter(out), new PrintWriter(err), "assess", file.toString(), "--format", "json")
                    : ThresholdCommand.run(new PrintWriter(out), new PrintWriter(err), "assess", file.toString());

            assertThat(err.toString()).as("no stack trace").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(code).as(err.toString()).isIn(0, 2);
            boolean accepted = HostileRule.read(file, d) != null;
            if (code == 0) {
                assertThat(accepted).as("the command and the API agree").isTrue();
                assertThat(err.toString()).isEmpty();
                if (json) {
                    JsonNode report = parse(out.toString());
                    assertThat(report.has("posture")).isTrue();
                } else {
                    assertThat(out.toString()).startsWith("Scenario ");
                }
            } else {
                assertThat(accepted).as("the command and the API agree").isFalse();
                assertThat(out.toString()).isEmpty();
                assertThat(err.toString().strip()).as("one line naming the file").startsWith("threshold: " + file + ":")
                        .doesNotContain("\n");
            }
            delete(file);
        });
    }

    @Test
    void theEnsembleCommandAnswersEveryHostileUncertaintySectionWithExitZeroOrTwoAndNoStackTrace() {
        int examples = Math.max(30, HostileRule.EXAMPLES / 10);
        java.util.Random random = new java.util.Random(12);
        qt().withExamples(examples).withShrinkCycles(50).forAll(documents.hostile()).checkAssert(d -> {
            // every input gets an uncertainty: section, then perhaps another mutation
            HostileDocuments.Document withSection = HostileDocuments.mutate(d, HostileDocuments.Mutation.UNCERTAINTY, random);
            Path file = write(withSection);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = ThresholdCommand.run(new PrintWriter(out), new PrintWriter(err), "ensemble", file.toString(),
                    "--samples", "8", "--threads", "1", "--format", "json");

            assertThat(err.toString()).as("no stack trace").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(code).as(err.toString()).isIn(0, 2);
            if (code == 0) {
                assertThat(parse(out.toString()).get("assessments").asLong()).isEqualTo(8);
            } else {
                assertThat(out.toString()).isEmpty();
                assertThat(err.toString().strip()).as("one line naming the file").startsWith("threshold: " + file + ":")
                        .doesNotContain("\n");
            }
            delete(file);
        });
    }

    @Test
    void aCostWithoutItsHumanScoreIsAssessedNotAFault() throws Exception {
        // found by the long run: costs: {observer: {}} was a NullPointerException, exit code 1
        Path file = dir.resolve("cost.yaml");
        Files.writeString(file, "name: x\nasOf: 2026-01-31\ncosts:\n  observer: {}\n");
        StringWriter err = new StringWriter();
        int code = ThresholdCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "assess", file.toString());

        assertThat(code).as(err.toString()).isZero();
    }

    // ---- the limits, exactly ----

    @Test
    void exactlyTheMostEventsAreReadAndOneMoreIsRefused() throws Exception {
        Path most = dir.resolve("most.json");
        Files.writeString(most, events(ScenarioReader.MAX_EVENTS));
        assertThat(ScenarioReader.read(most).events()).hasSize(ScenarioReader.MAX_EVENTS);

        Path tooMany = dir.resolve("too-many.json");
        Files.writeString(tooMany, events(ScenarioReader.MAX_EVENTS + 1));
        StringWriter err = new StringWriter();
        int code = ThresholdCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "assess", tooMany.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("threshold: " + tooMany + ":1:").contains("more than 100000 items, the limit");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsParsed() throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "name: x\nasOf: 2026-01-31\n# " + "x".repeat(ScenarioReader.MAX_BYTES) + "\n");
        StringWriter err = new StringWriter();
        int code = ThresholdCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "assess", big.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("threshold: " + big + ": the file has " + Files.size(big)
                + " bytes, more than the limit of " + ScenarioReader.MAX_BYTES + ". Maybe split the scenario.");
    }

    private static String events(int n) {
        StringBuilder sb = new StringBuilder("{\"name\":\"many\",\"asOf\":\"2026-11-24\",\"events\":[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"day\":\"2026-01-02\",\"type\":\"PRESSURE\"}");
        }
        return sb.append("]}").toString();
    }

    private static Path write(HostileDocuments.Document d) {
        try {
            return HostileRule.write(dir, d, N.incrementAndGet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("the command printed JSON that does not parse: " + e.getMessage(), e);
        }
    }
}
