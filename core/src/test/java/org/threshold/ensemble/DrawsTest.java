package org.threshold.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.threshold.Scenario;
import org.threshold.scenario.ScenarioReader;

class DrawsTest {

    private static final Scenario BASE = ScenarioReader.read("d.yaml", """
            name: d
            asOf: 2026-11-24
            adversary:
              capacity: 0.9
              factions:
                - {name: hardliners, stance: HARDLINE, influence: 0.35}
            events:
              - {day: 2026-11-23, type: STRIKE, by: PROXY, target: CAPITAL, severity: 0.6}
            """);

    private static Draws draws(Map<String, Distribution> parameters) {
        return new Draws(BASE.withUncertainty(new Uncertainty(parameters)));
    }

    @Test
    void aTruncatedNormalStaysInsideItsParametersValidValues() {
        Map<String, Distribution> p = new LinkedHashMap<>();
        p.put("adversary.capacity", new Distribution.Normal(0.99, 0.5));
        p.put("responseWindowDays", new Distribution.Normal(1, 10));
        p.put("humiliation.weight.capital", new Distribution.Normal(0.01, 1));
        Draws d = draws(p);
        double below = 0;
        for (long row = 0; row < 20_000; row++) {
            UniformRandomProvider rng = Draws.generator(7, row);
            double capacity = d.value(0, Draws.open01(rng));
            double days = d.value(1, Draws.open01(rng));
            double weight = d.value(2, Draws.open01(rng));
            assertThat(capacity).isBetween(0.0, 1.0);
            assertThat(days).isGreaterThan(0.0);
            assertThat(weight).isGreaterThanOrEqualTo(0.0);
            below += capacity < 0.99 ? 1 : 0;
        }
        // truncated to [0, 1], N(0.99, 0.5) lies below its mean far more often than half the time
        assertThat(below / 20_000).isBetween(0.9, 1.0);
    }

    @Test
    void aChoiceTakesOnlyItsValuesEachAboutEquallyOften() {
        Draws d = draws(Map.of("longWar.signals", new Distribution.Choice(List.of(1.0, 2.0, 3.0))));
        int[] counts = new int[4];
        for (long row = 0; row < 30_000; row++) {
            double v = d.value(0, Draws.open01(Draws.generator(1, row)));
            assertThat(v).isIn(1.0, 2.0, 3.0);
            counts[(int) v]++;
        }
        for (int v = 1; v <= 3; v++) {
            assertThat(counts[v]).isBetween(9_500, 10_500);
        }
    }

    @Test
    void aDrawSetsEveryUncertainParameterAndNothingElse() {
        Map<String, Distribution> p = new LinkedHashMap<>();
        p.put("adversary.capacity", new Distribution.Uniform(0.5, 0.6));
        p.put("factions.hardliners.influence", new Distribution.Uniform(0.1, 0.2));
        p.put("events[0].severity", new Distribution.Uniform(0.3, 0.4));
        p.put("threat.decay", new Distribution.Uniform(0.5, 0.6));
        Scenario s = draws(p).apply(new double[] {0.55, 0.15, 0.35, 0.52});

        assertThat(s.capacity().value()).isEqualTo(0.55);
        assertThat(s.factions().get(0).influence()).isEqualTo(0.15);
        assertThat(((org.threshold.fact.Strike) s.events().get(0)).severity()).isEqualTo(0.35);
        assertThat(s.calibration().get("threat.decay")).isEqualTo(0.52);
        assertThat(s.calibration().changes()).containsOnlyKeys("threat.decay");
        assertThat(s.returnTicket()).isEqualTo(BASE.returnTicket());
        assertThat(s.asOf()).isEqualTo(BASE.asOf());
    }

    @Test
    void differentRowsAndSeedsGiveDifferentGenerators() {
        Set<Long> first = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            for (long row = 0; row < 500; row++) {
                first.add(Draws.generator(seed, row).nextLong());
            }
        }
        assertThat(first).hasSize(20 * 500);
    }
}
