package org.threshold.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.threshold.InvalidScenarioException;
import org.threshold.Scenario;
import org.threshold.fact.Source;

/** The optional {@code source:} of events in scenario files. */
class EventSourceReadingTest {

    private static Scenario read(String event) {
        return ScenarioReader.read("s.yaml", "name: s\nasOf: 2024-01-01\nevents:\n  - " + event + "\n");
    }

    @Test
    void everyEventTypeTakesASourceAndKeepsIt() {
        assertThat(read("{day: 2023-05-03, type: STRIKE, target: CAPITAL, source: {dataset: chronology, id: \"row 21\", url: \"https://a.example/x\"}}")
                .events().get(0).source()).isEqualTo(new Source("chronology", "row 21", "https://a.example/x", null));
        assertThat(read("{day: 2023-05-03, type: THREAT, source: {note: a speech}}").events().get(0).source().citation()).isEqualTo("a speech");
        assertThat(read("{day: 2023-05-03, type: RETALIATION, source: {dataset: gdelt, id: 1001}}").events().get(0).source().citation())
                .isEqualTo("gdelt:1001");
        assertThat(read("{day: 2023-05-03, type: PRESSURE, source: {id: x}}").events().get(0).source().id()).isEqualTo("x");
        assertThat(read("{day: 2023-05-03, type: THRESHOLD_CROSSING, source: {url: \"https://b.example\"}}").events().get(0).source().url())
                .isEqualTo("https://b.example");
        assertThat(read("{day: 2023-05-03, type: THREAT}").events().get(0).source()).isNull();
    }

    @Test
    void aWrongSourceIsNamedWithItsPlaceAndTheFix() {
        assertThatThrownBy(() -> read("{day: 2023-05-03, type: THREAT, source: {datset: chronology}}"))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessage("s.yaml:4:46: events[0].source.datset: unknown key 'datset' in events[0].source. Maybe you meant 'dataset'.");
        assertThatThrownBy(() -> read("{day: 2023-05-03, type: THREAT, source: {id: \" \"}}"))
                .hasMessage("s.yaml:4:45: events[0].source: expected at least one of dataset, id, url, note with a non-blank value");
        assertThatThrownBy(() -> read("{day: 2023-05-03, type: THREAT, source: chronology}"))
                .hasMessageStartingWith("s.yaml:4:45: events[0].source: expected a mapping like {dataset: chronology");
        assertThatThrownBy(() -> read("{day: 2023-05-03, type: THREAT, source: {id: [1, 2]}}"))
                .hasMessage("s.yaml:4:50: events[0].source.id: expected a text value, got a list");
    }
}
