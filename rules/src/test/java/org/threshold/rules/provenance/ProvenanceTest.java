package org.threshold.rules.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.threshold.Assessment;
import org.threshold.Finding;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.analysis.ParameterPaths;
import org.threshold.report.JsonReport;
import org.threshold.report.TextReport;
import org.threshold.scenario.ScenarioReader;
import org.threshold.timeline.SimulationOptions;
import org.threshold.timeline.Timeline;
import org.threshold.timeline.Transition;

/** Conclusions cite the sources of exactly the events their derivation used. */
class ProvenanceTest {

    private static final Reasoner REASONER = Threshold.builder().build();

    private static final String SCENARIO = """
            name: sourced
            asOf: 2024-06-30
            adversary:
              capacity: 0.9
              returnTicket: {finance: 0.7, recognition: 0.8, eliteAspiration: 0.7, negotiability: 0.6}
              factions:
                - {name: pragmatists, stance: PRAGMATIC, influence: 0.65}
                - {name: hardliners,  stance: HARDLINE,  influence: 0.35}
            costs: {observer: {human: 0.02}, proxy: {human: 0.9}}
            events:
              - {day: 2024-01-10, type: STRIKE, target: DEEP, severity: 0.6, source: {dataset: test, id: deep}}
              - {day: 2024-01-11, type: STRIKE, target: FRONTLINE, severity: 0.6, source: {dataset: test, id: front}}
              - {day: 2024-01-12, type: RETALIATION, severity: 0.3, source: {dataset: test, id: answer, url: "https://example.org/a"}}
              - {day: 2024-02-01, type: THREAT, severity: 0.6, source: {dataset: test, id: lapsed-1}}
              - {day: 2024-02-02, type: THREAT, severity: 0.6, source: {dataset: test, id: lapsed-2}}
              - {day: 2024-02-03, type: THREAT, severity: 0.6, source: {dataset: test, id: lapsed-3}}
              - {day: 2024-06-20, type: THREAT, severity: 0.2, source: {dataset: test, id: fresh}}
              - {day: 2024-03-01, type: PRESSURE, kind: SANCTIONS, magnitude: 0.4, source: {note: a package}}
              - {day: 2024-03-02, type: STRIKE, target: CAPITAL, severity: 0.4}
            """;

    private static Finding finding(Assessment a, String type) {
        return a.conclusions().stream().filter(f -> f.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void aConclusionCitesTheEventsItsDerivationUsedAndNoOthers() {
        Assessment a = REASONER.assess(ScenarioReader.read("sourced.yaml", SCENARIO));
        // humiliation sums every strike and retaliation; the strike without a source cites nothing
        assertThat(finding(a, "BOUNDED_ADVERSARY").sources()).containsExactly("test:deep", "test:front", "test:answer");
        // credibility counts only the threats whose window closed without a crossing
        assertThat(finding(a, "THREATS_DISCOUNTED").sources()).containsExactly("test:lapsed-1", "test:lapsed-2", "test:lapsed-3");
        // confidence grows with the deep and capital strikes left unanswered, not with front-line ones
        assertThat(finding(a, "OBSERVER_READS_BOUNDED").sources()).contains("test:deep").doesNotContain("test:front", "test:fresh");
        // the posture PRESS rests on the observer's reading (an exists condition), and through it on those events
        assertThat(finding(a, "RISK_TRANSFERRED_TO_PROXY").sources()).isNotEmpty()
                .isSubsetOf(finding(a, "OBSERVER_READS_BOUNDED").sources());
    }

    @Test
    void bothOutputsShowTheSourcesAndJsonOmitsTheKeyWhereNoEventHasOne() throws Exception {
        Assessment a = REASONER.assess(ScenarioReader.read("sourced.yaml", SCENARIO));
        assertThat(TextReport.render(a, List.of())).contains("      sources test:lapsed-1, test:lapsed-2, test:lapsed-3" + System.lineSeparator());
        JsonNode json = new ObjectMapper().readTree(JsonReport.toJson(a));
        JsonNode discounted = null;
        for (JsonNode c : json.get("conclusions")) {
            if (c.get("type").asText().equals("THREATS_DISCOUNTED")) {
                discounted = c;
            }
        }
        assertThat(discounted).isNotNull();
        assertThat(discounted.get("sources").toString()).isEqualTo("[\"test:lapsed-1\",\"test:lapsed-2\",\"test:lapsed-3\"]");

        Assessment plain = REASONER.assess(ScenarioReader.read("plain.yaml", SCENARIO.replaceAll(", source: \\{[^}]*}", "")));
        assertThat(plain.conclusions()).allMatch(f -> f.sources().isEmpty());
        assertThat(JsonReport.toJson(plain)).doesNotContain("sources");
    }

    @Test
    void sourcesSurviveSimulationAndParameterChanges() {
        Scenario s = ScenarioReader.read("sourced.yaml", SCENARIO);
        Timeline t = REASONER.simulate(s, new SimulationOptions(null, null, 7));
        Transition discounted = t.transitions().stream().filter(x -> x.subject().equals("THREATS_DISCOUNTED") && x.begins())
                .findFirst().orElseThrow();
        assertThat(discounted.sources()).containsExactly("test:lapsed-1", "test:lapsed-2", "test:lapsed-3");
        assertThat(t.steps().get(0).events().get(0).source().citation()).isEqualTo("test:deep");

        Scenario varied = ParameterPaths.resolve(s, "events[2].severity").at(0.1);
        assertThat(varied.events().get(2).source()).isEqualTo(s.events().get(2).source());
        assertThat(finding(REASONER.assess(varied), "BOUNDED_ADVERSARY").sources()).containsExactly("test:deep", "test:front", "test:answer");
    }
}
