package org.threshold.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MappingReaderTest {

    private static final String GOOD = """
            dataset: mine
            format: {delimiter: ";", header: true}
            day: {column: when, pattern: yyyy-MM-dd}
            rules:
              - when: [{column: what, in: [hit]}]
                event: {type: STRIKE, target: DEEP, severity: {column: count, scale: log, max: 100}}
            """;

    private static String bad(String text) {
        try {
            MappingReader.read("m.yaml", text);
        } catch (InvalidMappingException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for:\n" + text);
    }

    @Test
    void aGoodMappingReads() {
        Mapping m = MappingReader.read("m.yaml", GOOD);
        assertThat(m.dataset()).isEqualTo("mine");
        assertThat(m.format().delimiter()).isEqualTo(';');
        assertThat(m.rules()).hasSize(1);
        assertThat(m.rules().get(0).event().severity().scale()).isEqualTo("log");
    }

    @Test
    void theBuiltInMappingsAreValidMappingFiles() {
        for (String name : MappingReader.BUILT_IN) {
            assertThat(MappingReader.builtIn(name).rules()).isNotEmpty();
        }
    }

    @Test
    void anUnknownKeyIsNamedWithItsPlaceAndTheNearestKey() {
        assertThat(bad(GOOD.replace("dataset: mine", "datset: mine")))
                .isEqualTo("m.yaml:1:1: datset: unknown key 'datset'. Maybe you meant 'dataset'.");
        assertThat(bad(GOOD.replace("severity: {column", "severty: {column")))
                .startsWith("m.yaml:6:41: rules[0].event.severty: unknown key 'severty' in rules[0].event. Maybe you meant 'severity'.");
    }

    @Test
    void anUnknownEventTypeOrValueIsNamed() {
        assertThat(bad(GOOD.replace("type: STRIKE", "type: STRIK")))
                .startsWith("m.yaml:6:19: rules[0].event.type: unknown event type 'STRIK'. Maybe you meant 'STRIKE'.");
        assertThat(bad(GOOD.replace("target: DEEP", "target: DEPP")))
                .startsWith("m.yaml:6:35: rules[0].event.target: unknown value 'DEPP'; expected one of FRONTLINE, INFRASTRUCTURE, DEEP, CAPITAL");
    }

    @Test
    void wrongTypesMissingKeysAndBadScalesAreNamed() {
        assertThat(bad(GOOD.replace("max: 100", "max: lots"))).contains("m.yaml:6:84: rules[0].event.severity.max: expected a finite number, got the text 'lots'");
        assertThat(bad(GOOD.replace("scale: log", "scale: cubic"))).contains("rules[0].event.severity.scale: expected linear or log, got 'cubic'");
        assertThat(bad(GOOD.replace("day: {column: when, pattern: yyyy-MM-dd}\n", ""))).isEqualTo(
                "m.yaml:1:1: missing required key 'day': the day's column, like {column: date, pattern: yyyy-MM-dd}");
        assertThat(bad(GOOD.replace("severity: {column: count, scale: log, max: 100}", "severity: 1.5")))
                .contains("rules[0].event.severity: expected a score: a number in [0, 1], got the number 1.5");
        assertThat(bad(GOOD + "rules: []\n")).contains("duplicate key 'rules'");
        assertThat(bad("dataset: [")).startsWith("m.yaml:1:");
    }

    @Test
    void aColumnNotInTheListedColumnsIsRefusedWithTheNearestColumn() {
        String text = GOOD.replace("header: true}", "header: false, columns: [when, what, count]}").replace("column: what", "column: wat");
        assertThat(bad(text)).isEqualTo("m.yaml:5:21: rules[0].when[0].column: unknown column 'wat'. Maybe you meant 'what'.");
    }

    @Test
    void aRuleNeedsEitherAnEventOrASkip() {
        assertThat(bad(GOOD.replace("    event: {type: STRIKE, target: DEEP, severity: {column: count, scale: log, max: 100}}\n", "")))
                .contains("rules[0]: a rule needs exactly one of event");
    }
}
