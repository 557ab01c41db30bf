package org.threshold.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

import org.junit.jupiter.api.Test;
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.ReasoningSession;
import org.threshold.RulePack;
import org.threshold.Scenario;

class FlipFinderTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    /** The parameter travels in the scenario's name; the stub reports it back as the metric "x". */
    private static final DoubleFunction<Scenario> AT = x -> Scenario.builder(Double.toString(x), DAY).build();

    private final CountingReasoner reasoner = new CountingReasoner();
    private final FlipFinder finder = new FlipFinder(reasoner);

    @Test
    void aSingleFlipIsBracketedWithinTheTolerance() {
        List<FlipPoint<Boolean>> flips = finder.find(AT, 0.0, 1.0, a -> a.metric("x") >= 0.3, 1e-6);

        assertThat(flips).hasSize(1);
        FlipPoint<Boolean> flip = flips.get(0);
        assertThat(flip.below()).isLessThan(0.3);
        assertThat(flip.above()).isGreaterThanOrEqualTo(0.3);
        assertThat(flip.width()).isLessThanOrEqualTo(1e-6);
        assertThat(flip.at()).isCloseTo(0.3, within(1e-6));
        assertThat(flip.outputBelow()).isFalse();
        assertThat(flip.outputAbove()).isTrue();
    }

    @Test
    void overWholeNumbersOnlyWholeNumbersAreAssessedAndAFlipLiesBetweenTwoNeighbours() {
        java.util.List<Double> seen = new java.util.ArrayList<>();
        DoubleFunction<Scenario> at = x -> {
            seen.add(x);
            return AT.apply(x);
        };

        List<FlipPoint<Boolean>> flips = finder.overWholeNumbers().find(at, 0.0, 40.0, a -> a.metric("x") >= 7, 1e-6);

        assertThat(seen).allMatch(x -> x == Math.rint(x)).doesNotHaveDuplicates();
        assertThat(flips).singleElement().satisfies(f -> {
            assertThat(f.below()).isEqualTo(6.0);
            assertThat(f.above()).isEqualTo(7.0);
        });
    }

    @Test
    void overWholeNumbersARangeWithFractionalEndsIsRefused() {
        assertThatThrownBy(() -> finder.overWholeNumbers().find(AT, 0.5, 3.0, a -> true, 1e-6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the range of a parameter of whole numbers must have whole ends (from 0.5, to 3.0)");
    }

    @Test
    void theAssessmentsOfAFlipAreThoseAtItsTwoEnds() {
        FlipPoint<Boolean> flip = finder.find(AT, 0.0, 1.0, a -> a.metric("x") >= 0.3, 1e-6).get(0);

        assertThat(flip.assessmentBelow().metric("x")).isEqualTo(flip.below());
        assertThat(flip.assessmentAbove().metric("x")).isEqualTo(flip.above());
    }

    @Test
    void aFlipOnAScanPointIsFound() {
        List<FlipPoint<Boolean>> flips = finder.find(AT, 0.0, 1.0, a -> a.metric("x") >= 0.5, 1e-6);

        assertThat(flips).singleElement().satisfies(f -> {
            assertThat(f.above()).isEqualTo(0.5);
            assertThat(f.width()).isLessThanOrEqualTo(1e-6);
        });
    }

    @Test
    void aFallingOutputIsFoundLikeARisingOne() {
        List<FlipPoint<Boolean>> flips = finder.find(AT, -3.0, 5.0, a -> a.metric("x") < 1.25, 1e-9);

        assertThat(flips).singleElement().satisfies(f -> {
            assertThat(f.outputBelow()).isTrue();
            assertThat(f.outputAbove()).isFalse();
            assertThat(f.below()).isLessThan(1.25);
            assertThat(f.above()).isGreaterThanOrEqualTo(1.25).isCloseTo(1.25, within(1e-9));
        });
    }

    @Test
    void severalFlipsInsideOneSegmentAreFoundWhenTheMidpointShowsThem() {
        // GIVEN one segment whose ends read "low" and "high" and whose middle reads "mid"
        FlipFinder oneSegment = finder.withSegments(1);

        // WHEN
        List<FlipPoint<String>> flips = oneSegment.find(AT, 0.0, 1.0, FlipFinderTest::band, 1e-6);

        // THEN both flips are found, in ascending order
        assertThat(flips).extracting(FlipPoint::outputBelow).containsExactly("low", "mid");
        assertThat(flips).extracting(FlipPoint::outputAbove).containsExactly("mid", "high");
        assertThat(flips.get(0).at()).isCloseTo(0.2, within(1e-6));
        assertThat(flips.get(1).at()).isCloseTo(0.7, within(1e-6));
    }

    @Test
    void anOutputThatChangesAndChangesBackWithinASegmentNeedsMoreSegments() {
        DoubleFunction<Scenario> at = AT;
        java.util.function.Function<Assessment, Boolean> inNarrowBand = a -> a.metric("x") >= 0.41 && a.metric("x") < 0.43;

        assertThat(finder.find(at, 0.0, 1.0, inNarrowBand, 1e-6)).isEmpty();
        assertThat(finder.withSegments(100).find(at, 0.0, 1.0, inNarrowBand, 1e-6))
                .extracting(FlipPoint::outputAbove).containsExactly(true, false);
    }

    @Test
    void aSteadyOutputCostsOneAssessmentPerScanPoint() {
        List<FlipPoint<Boolean>> flips = finder.find(AT, 0.0, 1.0, a -> true, 1e-6);

        assertThat(flips).isEmpty();
        assertThat(reasoner.calls).isEqualTo(FlipFinder.DEFAULT_SEGMENTS + 1);
    }

    @Test
    void everyFlipReportsTheAssessmentsTheWholeSearchTook() {
        List<FlipPoint<String>> flips = finder.find(AT, 0.0, 1.0, FlipFinderTest::band, 1e-3);

        assertThat(flips).hasSize(2).allSatisfy(f -> assertThat(f.assessments()).isEqualTo(reasoner.calls));
        // 17 scan points and about log2((1/16) / 1e-3) = 6 bisections per flip
        assertThat(reasoner.calls).isBetween(17 + 2 * 5, 17 + 2 * 7);
    }

    @Test
    void theRangeMustRunUpwards() {
        assertThatThrownBy(() -> finder.find(AT, 1.0, 0.0, a -> true, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from must be below to (from 1.0, to 0.0). Maybe swap them.");
        assertThatThrownBy(() -> finder.find(AT, 0.5, 0.5, a -> true, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from must be below to (from 0.5, to 0.5). Maybe widen the range.");
    }

    @Test
    void theRangeMustBeFinite() {
        assertThatThrownBy(() -> finder.find(AT, Double.NaN, 1.0, a -> true, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the range must be finite (from NaN, to 1.0)");
        assertThatThrownBy(() -> finder.find(AT, 0.0, Double.POSITIVE_INFINITY, a -> true, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the range must be finite (from 0.0, to Infinity)");
        assertThatThrownBy(() -> finder.find(AT, -Double.MAX_VALUE, Double.MAX_VALUE, a -> true, 1e300))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the range is too wide to measure as a double");
    }

    @Test
    void theToleranceMustBePositiveFiniteAndResolvable() {
        assertThatThrownBy(() -> finder.find(AT, 0.0, 1.0, a -> true, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tolerance must be a finite number above 0 (0.0)");
        assertThatThrownBy(() -> finder.find(AT, 0.0, 1.0, a -> true, -1e-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tolerance must be a finite number above 0 (-0.001)");
        assertThatThrownBy(() -> finder.find(AT, 0.0, 1.0, a -> true, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tolerance must be a finite number above 0 (NaN)");
        assertThatThrownBy(() -> finder.find(AT, 0.0, 1e6, a -> true, 1e-12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tolerance is finer than doubles can resolve in this range (1.0E-12 < ")
                .hasMessageContaining("Maybe use a tolerance of at least");
        assertThat(reasoner.calls).isZero();
    }

    @Test
    void theSegmentsMustBeAtLeastOne() {
        assertThatThrownBy(() -> new FlipFinder(reasoner, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("segments must be at least 1 (0)");
    }

    @Test
    void aMissingScenarioIsNamedWithItsPoint() {
        assertThatThrownBy(() -> finder.find(x -> null, 0.0, 1.0, a -> true, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scenarioAt gave no scenario at 0.0");
    }

    @Test
    void aFlipPointChecksItsOwnBracket() {
        Assessment a = reasoner.assess(AT.apply(0.0));
        assertThatThrownBy(() -> new FlipPoint<>(0.5, 0.5, false, true, a, a, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a flip point needs below < above (0.5, 0.5)");
        assertThatThrownBy(() -> new FlipPoint<>(0.4, 0.5, true, true, a, a, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a flip point needs different outputs on its two sides (both true)");
    }

    private static String band(Assessment a) {
        double x = a.metric("x");
        return x < 0.2 ? "low" : x < 0.7 ? "mid" : "high";
    }

    /** Reads the parameter back from the scenario's name and counts its assessments. */
    private static final class CountingReasoner implements Reasoner {
        int calls;

        @Override
        public Assessment assess(Scenario scenario) {
            calls++;
            double x = Double.parseDouble(scenario.name());
            return new Assessment(scenario.name(), scenario.asOf(), null, List.of(), null, List.of(), Map.of("x", x),
                    List.of());
        }

        @Override
        public List<RulePack> packs() {
            return List.of();
        }

        @Override
        public List<String> ruleNames() {
            return List.of();
        }

        @Override
        public boolean precompiled() {
            return false;
        }

        /** A session that assesses each scenario it is moved to with {@link #assess(Scenario)}. */
        @Override
        public ReasoningSession open(Scenario scenario) {
            return new ReasoningSession() {
                private Scenario current = scenario;

                @Override
                public Object insert(Object fact) {
                    throw new UnsupportedOperationException("a stub");
                }

                @Override
                public void retract(Object handle) {
                    throw new UnsupportedOperationException("a stub");
                }

                @Override
                public List<Object> scenarioHandles() {
                    return List.of();
                }

                @Override
                public Assessment assess() {
                    return CountingReasoner.this.assess(current);
                }

                @Override
                public Assessment reassess(Scenario next) {
                    current = next;
                    return assess();
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public org.threshold.timeline.Timeline simulate(Scenario scenario, org.threshold.timeline.SimulationOptions options) {
            throw new UnsupportedOperationException("a stub");
        }
    }
}
