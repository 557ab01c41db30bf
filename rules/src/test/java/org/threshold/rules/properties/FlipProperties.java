package org.threshold.rules.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.Threshold;
import org.threshold.analysis.FlipFinder;
import org.threshold.analysis.FlipPoint;
import org.threshold.analysis.Parameter;
import org.threshold.analysis.ParameterPaths;
import org.threshold.testing.ScenarioGenerators;

/**
 * The flip finder on generated scenarios: complete on monotone parameters (a dense scan finds no
 * flip it missed), and the model's monotonicity laws seen through it (along the capital weight,
 * that is along humiliation, BOUNDED_ADVERSARY flips at most once, and only from true to false).
 */
class FlipProperties {

    private static final long SEED = Long.getLong("QT_SEED", 20261124L);
    private static final int EXAMPLES = Integer.getInteger("QT_EXAMPLES", 40);
    private static final ScenarioGenerators GEN = ScenarioGenerators.standard().maxEvents(10);

    private static Reasoner reasoner;
    private static FlipFinder finder;

    @BeforeAll
    static void buildOneReasonerForTheClass() {
        reasoner = Threshold.builder().build();
        finder = new FlipFinder(reasoner);
    }

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES);
    }

    @Test
    void onAMonotoneParameterNoFlipIsMissedBetweenTheReportedPoints() {
        List<String> paths = List.of("adversary.returnTicket.finance", "adversary.capacity", "humiliation.weight.capital",
                "threat.credibility", "adversary.strain.budget");
        qt().forAll(GEN.scenarios().describedAs(ScenarioGenerators::describe), integers().between(0, paths.size() - 1),
                doubles().between(0, 0.8))
                .checkAssert((scenario, which, start) -> {
                    Parameter p = ParameterPaths.resolve(scenario, paths.get(which));
                    double from = p.low() + (p.high() - p.low()) * start;
                    double to = Math.min(p.high(), from + (p.high() - p.low()) * 0.2);
                    Function<Assessment, Object> outlook = a -> List.of(String.valueOf(a.posture()),
                            String.valueOf(a.riskLevel()), a.conclusionTypes());

                    List<FlipPoint<Object>> flips = finder.find(p::at, from, to, outlook, 1e-5);

                    // a dense scan of 200 points: every change it sees lies inside a reported bracket
                    Object previous = null;
                    double previousX = from;
                    for (int i = 0; i <= 200; i++) {
                        double x = from + (to - from) * i / 200;
                        Object now = outlook.apply(reasoner.assess(p.at(x)));
                        if (previous != null && !Objects.equals(previous, now)) {
                            double a = previousX;
                            double b = x;
                            assertThat(flips).as("a flip between %s and %s (%s -> %s)", a, b, previous, now)
                                    .anyMatch(f -> f.above() >= a && f.below() <= b);
                        }
                        previous = now;
                        previousX = x;
                    }
                });
    }

    @Test
    void alongHumiliationBoundedAdversaryFlipsAtMostOnceAndOnlyFromTrueToFalse() {
        qt().forAll(GEN.scenarios().describedAs(ScenarioGenerators::describe))
                .checkAssert(scenario -> {
                    Parameter capital = ParameterPaths.resolve(scenario, "humiliation.weight.capital");
                    Parameter deep = ParameterPaths.resolve(scenario, "humiliation.weight.deep");
                    List<FlipPoint<Boolean>> flips = new ArrayList<>();
                    flips.addAll(finder.find(capital::at, 0, 2, a -> a.holds("BOUNDED_ADVERSARY"), 1e-5));
                    List<FlipPoint<Boolean>> deeper = finder.find(deep::at, 0, 2, a -> a.holds("BOUNDED_ADVERSARY"), 1e-5);

                    assertThat(flips).hasSizeLessThanOrEqualTo(1);
                    assertThat(deeper).hasSizeLessThanOrEqualTo(1);
                    flips.addAll(deeper);
                    for (FlipPoint<Boolean> f : flips) {
                        assertThat(f.outputBelow()).as("bounded below %s", f.at()).isTrue();
                        assertThat(f.outputAbove()).as("bounded above %s", f.at()).isFalse();
                    }
                });
    }

    @Test
    void alongHardlinerInfluenceFactionShiftFlipsAtMostOnceAndOnlyFromFalseToTrue() {
        qt().forAll(GEN.scenarios().describedAs(ScenarioGenerators::describe))
                .assuming(s -> s.factions().stream().anyMatch(f -> f.stance() == org.threshold.fact.Stance.HARDLINE))
                .checkAssert(scenario -> {
                    String hardliner = scenario.factions().stream()
                            .filter(f -> f.stance() == org.threshold.fact.Stance.HARDLINE).findFirst().get().name();
                    Parameter p = ParameterPaths.resolve(scenario, "factions." + hardliner + ".influence");

                    List<FlipPoint<Boolean>> flips = finder.find(p::at, 0, 1, a -> a.holds("FACTION_SHIFT"), 1e-5);

                    assertThat(flips).hasSizeLessThanOrEqualTo(1);
                    flips.forEach(f -> assertThat(f.outputAbove()).as("shift above %s", f.at()).isTrue());
                });
    }
}
