package org.threshold.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.threshold.Assessment;
import org.threshold.Explanation;
import org.threshold.Finding;
import org.threshold.Reasoner;
import org.threshold.ReasoningSession;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.analysis.Parameter;
import org.threshold.analysis.ParameterPaths;
import org.threshold.ensemble.Ensemble;
import org.threshold.ensemble.EnsembleOptions;
import org.threshold.ensemble.EnsembleProgress;
import org.threshold.ensemble.EnsembleSummary;
import org.threshold.fact.Party;
import org.threshold.fact.Posture;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.report.EnsembleReport;
import org.threshold.scenario.ScenarioReader;

/**
 * The code the README shows, compiled and run: each block between {@code README:<name>} markers
 * below must stand verbatim (but for indentation) in a {@code java} block of the README.
 */
class ReadmeTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void embedding() {
        // README:embedding:start
        Reasoner reasoner = Threshold.builder().build();          // once; thread-safe, share it

        Scenario scenario = ScenarioReader.read(Path.of("scenarios/moscow-struck.yaml"))
                .toBuilder()
                .event(new Strike(LocalDate.of(2026, 11, 24), Party.OBSERVER, Target.CAPITAL, 0.9))
                .build();
        Assessment assessment = reasoner.assess(scenario);

        System.out.println(assessment.posture() + " " + assessment.riskLevel());
        for (Finding finding : assessment.conclusions()) {
            for (Explanation why : finding.because()) {
                System.out.println(finding.type() + " because " + why.rule() + ": " + why.reason());
            }
        }
        double humiliation = assessment.metric("humiliation");
        // README:embedding:end

        // 0.3 * 0.6 (proxy) + 0.3 * 2.0 * 0.9 (observer) - 0.1 * 0.7 (retaliation) = 0.65
        assertThat(humiliation).isCloseTo(0.65, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(assessment.posture()).isEqualTo(Posture.HOLD);
        assertThat(assessment.holds("RESTRAINT_EROSION")).isTrue();
    }

    @Test
    void userRules() {
        // README:user-rules:start
        Reasoner withMyRules = Threshold.builder()
                .rules(Path.of("rules/capital-watch.drl"))        // a file, or a folder of .drl files
                .build();
        Assessment a = withMyRules.assess(ScenarioReader.read(Path.of("scenarios/moscow-struck.yaml")));
        Finding mine = a.finding("CAPITAL_UNDER_FIRE").orElseThrow();
        // README:user-rules:end

        assertThat(mine.because()).extracting(Explanation::rule).containsExactly("capital under fire");
        assertThat(withMyRules.precompiled()).isFalse();
    }

    @Test
    void liveSession() {
        Reasoner reasoner = Threshold.builder().build();
        Scenario scenario = ScenarioReader.read(Path.of("scenarios/moscow-struck.yaml"));
        // README:live-session:start
        double shiftsAt = Double.NaN;
        try (ReasoningSession live = reasoner.open(scenario)) {
            Parameter p = ParameterPaths.resolve(scenario, "factions.hardliners.influence");
            for (int i = 0; i <= 100 && Double.isNaN(shiftsAt); i++) {
                Assessment a = live.reassess(p.at(i / 100.0));    // one fact changed, the rules re-fired
                if (a.holds("FACTION_SHIFT")) {
                    shiftsAt = i / 100.0;
                }
            }
        }
        // README:live-session:end

        // the flip point of the README's flip example: HL = i / (i + 0.65) reaches 0.5 at i = 0.65
        assertThat(shiftsAt).isCloseTo(0.65, org.assertj.core.api.Assertions.within(0.0100001));
        assertThat(reasoner.assess(ParameterPaths.resolve(scenario, "factions.hardliners.influence").at(shiftsAt))
                .holds("FACTION_SHIFT")).isTrue();
    }

    @Test
    void ensemble() {
        Reasoner reasoner = Threshold.builder().build();
        // README:ensemble:start
        Scenario uncertain = ScenarioReader.read(Path.of("scenarios/moscow-struck-uncertain.yaml"));
        Ensemble ensemble = Ensemble.of(reasoner, uncertain, EnsembleOptions.defaults().withSamples(4_000));
        EnsembleSummary summary = ensemble.run(Runtime.getRuntime().availableProcessors(), EnsembleProgress.NONE);
        EnsembleSummary.Share shift = summary.conclusions().get("FACTION_SHIFT");
        System.out.println(EnsembleReport.holdsSentence("FACTION_SHIFT", shift));
        // README:ensemble:end

        assertThat(shift.draws()).isEqualTo(4_000);
        assertThat(shift.low()).isLessThan(shift.probability());
        assertThat(shift.probability()).isBetween(0.05, 0.2);
    }

    @Test
    void everyMarkedBlockStandsInTheReadme() throws Exception {
        String readme = normalise(Files.readString(README, StandardCharsets.UTF_8));
        String source = Files.readString(Path.of("src/test/java/org/threshold/examples/ReadmeTest.java"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("// README:(\\S+):start\\n(.*?)\\n\\s*// README:\\1:end", Pattern.DOTALL).matcher(source);
        int blocks = 0;
        while (m.find()) {
            blocks++;
            assertThat(readme).as("README block '%s'", m.group(1)).contains(normalise(m.group(2)));
        }
        assertThat(blocks).isEqualTo(4);
    }

    @Test
    void theEmbeddingSnippetShowsTheImportsItCompilesWith() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String source = Files.readString(Path.of("src/test/java/org/threshold/examples/ReadmeTest.java"), StandardCharsets.UTF_8);
        String snippet = readme.substring(readme.indexOf("## Embedding"));
        snippet = snippet.substring(snippet.indexOf("```java"), snippet.indexOf("```", snippet.indexOf("```java") + 7));
        java.util.List<String> shown = snippet.lines().filter(l -> l.startsWith("import ")).toList();

        // every class the snippet names is imported, and every import shown is one this test compiles with
        assertThat(shown).contains("import org.threshold.Reasoner;", "import org.threshold.scenario.ScenarioReader;",
                "import org.threshold.fact.Strike;", "import java.time.LocalDate;", "import java.nio.file.Path;");
        for (String line : shown) {
            assertThat(source).as("ReadmeTest imports %s", line).contains(line);
        }
        assertThat(readme).contains("brings no binding");
    }

    @Test
    void everyRowOfTheExamplesTableSaysWhatAssessGives() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String table = readme.substring(readme.indexOf("### The example scenarios"), readme.indexOf("## Timelines"));
        Matcher row = Pattern.compile("^\\| `([a-z-]+\\.yaml)` \\| [^|]+ \\| ([A-Z]+), ([A-Z]+)", Pattern.MULTILINE).matcher(table);
        Reasoner reasoner = Threshold.builder().build();
        int rows = 0;
        while (row.find()) {
            rows++;
            Assessment a = reasoner.assess(ScenarioReader.read(Path.of("scenarios", row.group(1))));
            assertThat(a.posture() + ", " + a.riskLevel()).as(row.group(1)).isEqualTo(row.group(2) + ", " + row.group(3));
        }
        assertThat(rows).isEqualTo(8);
    }

    private static String normalise(String text) {
        return String.join("\n", text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }
}
