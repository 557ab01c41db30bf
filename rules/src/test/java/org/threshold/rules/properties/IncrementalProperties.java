package org.threshold.rules.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.threshold.Assessment;
import org.threshold.Calibration;
import org.threshold.Reasoner;
import org.threshold.ReasoningSession;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.analysis.Parameter;
import org.threshold.analysis.ParameterPaths;
import org.threshold.analysis.SignpostKind;
import org.threshold.analysis.Signposts;
import org.threshold.rules.EssayCalibration;
import org.threshold.testing.ScenarioGenerators;

/**
 * {@link ReasoningSession#reassess(Scenario)} gives exactly what a fresh assessment gives, for
 * every kind of change the analyses make, in any order: one parameter moved (flip points), two
 * parameters moved at once (a phase map's next cell), events of each signpost kind added and taken
 * away again (signposts), the day moved, and back to where the session started.
 *
 * <p>Each example opens one live session on a generated scenario and walks it through
 * {@value #STEPS} changes drawn at random, comparing every step with {@link Reasoner#assess}: the
 * metrics to the last bit, the conclusions, posture, risk level and every explanation.
 */
class IncrementalProperties {

    private static final long SEED = Long.getLong("QT_SEED", 20261124L);
    private static final int EXAMPLES = Integer.getInteger("QT_EXAMPLES", 60);
    private static final int STEPS = 12;
    private static final ScenarioGenerators GEN = ScenarioGenerators.standard().maxEvents(12);

    private static Reasoner reasoner;

    @BeforeAll
    static void buildOneReasonerForTheClass() {
        reasoner = Threshold.builder().build();
    }

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES);
    }

    @Test
    void aLiveSessionMovedFromScenarioToScenarioAssessesEachExactlyAsAFreshAssessmentDoes() {
        qt().forAll(GEN.scenarios().describedAs(ScenarioGenerators::describe),
                lists().of(integers().between(0, 999_999)).ofSize(STEPS * 3))
                .checkAssert((base, draws) -> {
                    try (ReasoningSession live = reasoner.open(base)) {
                        assertThat(live.assess()).as("the opened session").isEqualTo(reasoner.assess(base));
                        Scenario current = base;
                        List<String> done = new ArrayList<>();
                        for (int step = 0; step < STEPS; step++) {
                            int kind = draws.get(3 * step) % 6;
                            int a = draws.get(3 * step + 1);
                            int b = draws.get(3 * step + 2);
                            Scenario next = switch (kind) {
                                case 0 -> moved(current, a, b);                      // flip: one parameter
                                case 1 -> moved(moved(current, a, b), b, a);          // map: two parameters
                                case 2 -> withSignpostEvents(base, a, b);             // signposts: k more events
                                case 3 -> withSignpostEvents(current, a, b);          // and more again
                                case 4 -> current.withAsOf(current.asOf().plusDays(a % 81 - 40));
                                default -> base;                                      // back to the start
                            };
                            done.add(kind + ":" + a + ":" + b);

                            Assessment incremental = live.reassess(next);

                            assertThat(incremental).as("after the changes %s", done).isEqualTo(reasoner.assess(next));
                            current = next;
                        }
                    }
                });
    }

    @Test
    void factsInsertedByHandStayInTheSessionWhenItMovesToAnotherScenario() {
        qt().forAll(GEN.scenarios().describedAs(ScenarioGenerators::describe), GEN.strikes(),
                integers().between(0, 999_999))
                .checkAssert((base, strike, draw) -> {
                    try (ReasoningSession live = reasoner.open(base)) {
                        live.insert(strike);
                        Scenario next = moved(base, draw, draw / 7);

                        Assessment incremental = live.reassess(next);

                        Scenario nextWithStrike = strike.day().isAfter(next.asOf()) ? next
                                : next.toBuilder().event(strike).build();
                        assertThat(incremental).isEqualTo(reasoner.assess(nextWithStrike));
                    }
                });
    }

    /**
     * The scenario with one of its parameters (chosen by {@code which}) at a value chosen by
     * {@code where}; the scenario itself where that value breaks a rule of the calibration (risk
     * bounds that do not rise, say).
     */
    private static Scenario moved(Scenario s, int which, int where) {
        List<Parameter> parameters = new ArrayList<>(ParameterPaths.of(s).values());
        Parameter p = parameters.get(which % parameters.size());
        double x = p.low() + (p.high() - p.low()) * (where % 1001) / 1000.0;
        if (Calibration.keys().contains(p.path()) && Calibration.range(p.path()) == Calibration.Range.COUNT) {
            x = Math.rint(x);
        }
        try {
            return p.at(x);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** The scenario with 1 to 4 further events of one signpost kind, as {@link Signposts} makes them. */
    private static Scenario withSignpostEvents(Scenario s, int which, int count) {
        SignpostKind kind = SignpostKind.values()[which % SignpostKind.values().length];
        return s.toBuilder().events(kind.events(s, 1 + count % 4, Signposts.DEFAULT_SCORE,
                EssayCalibration.of(s.calibration()).responseWindowDays())).build();
    }
}
