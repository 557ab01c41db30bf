package org.threshold.rules.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.threshold.Assessment;
import org.threshold.Calibration;
import org.threshold.Policy;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.fact.Event;
import org.threshold.fact.Party;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Target;
import org.threshold.testing.ScenarioGenerators;
import org.threshold.timeline.SimulationOptions;
import org.threshold.timeline.Step;
import org.threshold.timeline.Timeline;
import org.threshold.timeline.Transition;

/**
 * A simulation is assessment over time: the state it reports on any day equals
 * {@code assess} of the same scenario as of that day, with the events the policy made so far.
 */
class TimelineProperties {

    private static final long SEED = Long.getLong("QT_SEED", 20261124L);
    private static final int EXAMPLES = Integer.getInteger("QT_EXAMPLES", 60);
    private static final ScenarioGenerators GEN = ScenarioGenerators.standard().maxEvents(12).windowDays(100);
    private static final Gen<Calibration> CALIBRATIONS = Generate.oneOf(Generate.constant(Calibration.defaults()),
            integers().between(5, 60).map(days -> Calibration.defaults().with("responseWindowDays", days)),
            integers().between(1, 365).map(days -> Calibration.defaults().with("humiliation.halfLifeDays", days)));
    private static final Gen<Policy> POLICIES = integers().between(1, 40).zip(integers().between(0, 4),
            integers().between(1, 30), GEN.scores(), (strikeEvery, target, holdEvery, score) -> new Policy(
                    new Policy.Press(strikeEvery, Party.PROXY, target == 4 ? null : Target.values()[target], score),
                    new Policy.Hold(holdEvery, PressureKind.SANCTIONS, score)));

    private static Reasoner reasoner;

    @BeforeAll
    static void buildOneReasonerForTheClass() {
        reasoner = Threshold.builder().build();
    }

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES);
    }

    @Test
    void theStateOnEveryDayOfASimulationIsTheAssessmentAsOfThatDay() {
        qt().forAll(GEN.scenarios(CALIBRATIONS).describedAs(ScenarioGenerators::describe), integers().between(1, 10))
                .checkAssert((scenario, step) -> {
                    LocalDate from = scenario.asOf().minusDays(100);
                    Timeline t = reasoner.simulate(scenario, new SimulationOptions(from, scenario.asOf(), step));

                    assertThat(t.steps()).isNotEmpty();
                    assertThat(t.last().day()).isEqualTo(scenario.asOf());
                    for (Step s : t.steps()) {
                        assertSameState(s.assessment(), reasoner.assess(scenario.withAsOf(s.day())), s.day());
                    }
                });
    }

    @Test
    void theStateUnderAPolicyIsTheAssessmentOfTheScenarioWithTheEventsThePolicyMade() {
        qt().forAll(GEN.scenarios().describedAs(ScenarioGenerators::describe), POLICIES, integers().between(1, 7))
                .checkAssert((scenario, policy, step) -> {
                    Scenario withPolicy = scenario.toBuilder().policy(policy).build();
                    LocalDate from = scenario.asOf().minusDays(100);
                    Timeline t = reasoner.simulate(withPolicy, new SimulationOptions(from, scenario.asOf(), step));

                    List<Event> madeSoFar = new ArrayList<>();
                    for (Step s : t.steps()) {
                        madeSoFar.addAll(s.generated());
                        assertThat(s.events()).containsAll(s.generated());
                        Scenario asOfThatDay = scenario.toBuilder().events(madeSoFar).build().withAsOf(s.day());
                        assertSameState(s.assessment(), reasoner.assess(asOfThatDay), s.day());
                    }
                });
    }

    @Test
    void dailyTransitionsAreExactlyTheChangesBetweenConsecutiveDays() {
        qt().forAll(GEN.scenarios(CALIBRATIONS))
                .describedAs(ScenarioGenerators::describe)
                .checkAssert(scenario -> {
                    Timeline t = reasoner.simulate(scenario, new SimulationOptions(scenario.asOf().minusDays(60),
                            scenario.asOf(), 1));

                    List<String> expected = new ArrayList<>();
                    for (int i = 1; i < t.steps().size(); i++) {
                        Assessment before = t.steps().get(i - 1).assessment();
                        Assessment after = t.steps().get(i).assessment();
                        LocalDate day = t.steps().get(i).day();
                        if (before.posture() != after.posture()) {
                            expected.add(day + " posture " + before.posture() + " " + after.posture());
                        }
                        if (before.riskLevel() != after.riskLevel()) {
                            expected.add(day + " riskLevel " + before.riskLevel() + " " + after.riskLevel());
                        }
                        before.conclusionTypes().stream().filter(c -> !after.holds(c))
                                .forEach(c -> expected.add(day + " " + c + " holds " + Transition.DOES_NOT_HOLD));
                        after.conclusionTypes().stream().filter(c -> !before.holds(c))
                                .forEach(c -> expected.add(day + " " + c + " " + Transition.DOES_NOT_HOLD + " holds"));
                    }
                    assertThat(t.transitions()).extracting(tr -> tr.day() + " " + tr.subject() + " " + tr.before() + " "
                            + tr.after()).containsExactlyInAnyOrderElementsOf(expected);
                    for (Transition tr : t.transitions()) {
                        assertThat(tr.because()).as("why %s", tr).isNotEmpty();
                    }
                });
    }

    private static void assertSameState(Assessment simulated, Assessment assessed, LocalDate day) {
        assertThat(simulated.posture()).as("posture on %s", day).isEqualTo(assessed.posture());
        assertThat(simulated.riskLevel()).as("risk level on %s", day).isEqualTo(assessed.riskLevel());
        assertThat(simulated.conclusionTypes()).as("conclusions on %s", day).isEqualTo(assessed.conclusionTypes());
        assertThat(simulated.metrics().keySet()).as("metrics on %s", day).isEqualTo(assessed.metrics().keySet());
        assessed.metrics().forEach((k, v) -> assertThat(simulated.metric(k)).as("%s on %s", k, day).isCloseTo(v, within(1e-9)));
        assertThat(simulated).as("the whole assessment on %s", day).isEqualTo(assessed);
    }
}
