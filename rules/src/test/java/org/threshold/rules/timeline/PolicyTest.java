package org.threshold.rules.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.threshold.Policy;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.fact.Event;
import org.threshold.fact.Faction;
import org.threshold.fact.Party;
import org.threshold.fact.Posture;
import org.threshold.fact.Pressure;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Stance;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.Threat;
import org.threshold.fact.ThresholdCrossing;
import org.threshold.timeline.SimulationOptions;
import org.threshold.timeline.Timeline;

/** The observer's policy: what it does while it presses, holds or contains. */
class PolicyTest {

    private static final Reasoner REASONER = Threshold.builder().build();
    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    /** Four threats that lapsed in 2025: credibility 0.9 * 0.8^4 = 0.369 < 0.5, so the observer presses from the start. */
    private static Scenario.Builder pressingFromTheStart() {
        Scenario.Builder b = Scenario.builder("policy", START.plusDays(200))
                .returnTicket(0.7, 0.8, 0.7, 0.6)
                .faction(new Faction("pragmatists", Stance.PRAGMATIC, 0.65))
                .faction(new Faction("hardliners", Stance.HARDLINE, 0.35));
        for (int i = 0; i < 4; i++) {
            b.event(new Threat(LocalDate.of(2025, 2 + 2 * i, 1), 0.8));
        }
        return b;
    }

    @Test
    void whilePressingAStrikeEveryNDaysEachOneLevelDeeperUpToTheCapital() {
        Scenario s = pressingFromTheStart()
                .policy(new Policy(new Policy.Press(10, Party.PROXY, null, 0.1), null))
                .build();

        Timeline t = REASONER.simulate(s, new SimulationOptions(START, START.plusDays(59), 1));

        assertThat(t.steps()).allMatch(step -> step.assessment().posture() == Posture.PRESS);
        assertThat(t.generated()).containsExactly(
                new Strike(START, Party.PROXY, Target.FRONTLINE, 0.1),
                new Strike(START.plusDays(10), Party.PROXY, Target.INFRASTRUCTURE, 0.1),
                new Strike(START.plusDays(20), Party.PROXY, Target.DEEP, 0.1),
                new Strike(START.plusDays(30), Party.PROXY, Target.CAPITAL, 0.1),
                new Strike(START.plusDays(40), Party.PROXY, Target.CAPITAL, 0.1),
                new Strike(START.plusDays(50), Party.PROXY, Target.CAPITAL, 0.1));
    }

    @Test
    void deepeningStartsBelowTheDeepestStrikeAlreadyMadeAndAFixedTargetStaysPut() {
        Scenario deepened = pressingFromTheStart()
                .event(new Strike(LocalDate.of(2025, 12, 1), Party.PROXY, Target.INFRASTRUCTURE, 0.1))
                .policy(new Policy(new Policy.Press(30, Party.OBSERVER, null, 0.2), null))
                .build();
        Scenario fixed = pressingFromTheStart()
                .policy(new Policy(new Policy.Press(30, Party.OBSERVER, Target.FRONTLINE, 0.2), null))
                .build();

        List<Event> deeper = REASONER.simulate(deepened, new SimulationOptions(START, START.plusDays(30), 1)).generated();
        List<Event> same = REASONER.simulate(fixed, new SimulationOptions(START, START.plusDays(30), 1)).generated();

        assertThat(deeper).containsExactly(new Strike(START, Party.OBSERVER, Target.DEEP, 0.2),
                new Strike(START.plusDays(30), Party.OBSERVER, Target.CAPITAL, 0.2));
        assertThat(same).containsExactly(new Strike(START, Party.OBSERVER, Target.FRONTLINE, 0.2),
                new Strike(START.plusDays(30), Party.OBSERVER, Target.FRONTLINE, 0.2));
    }

    @Test
    void whileHoldingPressureOnlyAndWhileContainingNothing() {
        // no lapsed threats: credibility 0.9, confidence 0.3: HOLD; a crossing on day 20: CONTAIN from then on
        Scenario s = Scenario.builder("hold", START.plusDays(40))
                .event(new ThresholdCrossing(START.plusDays(20)))
                .policy(new Policy(new Policy.Press(1, Party.PROXY, null, 0.5), new Policy.Hold(7, PressureKind.WEAPONS, 0.3)))
                .build();

        Timeline t = REASONER.simulate(s, new SimulationOptions(START, START.plusDays(40), 1));

        assertThat(t.generated()).containsExactly(
                new Pressure(START, PressureKind.WEAPONS, 0.3),
                new Pressure(START.plusDays(7), PressureKind.WEAPONS, 0.3),
                new Pressure(START.plusDays(14), PressureKind.WEAPONS, 0.3));
        assertThat(t.firstDay("posture", "CONTAIN")).contains(START.plusDays(20));
    }

    @Test
    void generatedEventsAreMarkedInTheirStepAndScenarioEventsAreNot() {
        Scenario s = pressingFromTheStart()
                .event(new Strike(START.plusDays(3), Party.PROXY, Target.DEEP, 0.4))
                .policy(new Policy(new Policy.Press(100, Party.PROXY, Target.CAPITAL, 0.5), null))
                .build();

        Timeline t = REASONER.simulate(s, new SimulationOptions(START, START.plusDays(6), 7));

        // the first day is reported, then every 7 days, and the last day always
        assertThat(t.steps()).extracting(st -> st.day()).containsExactly(START, START.plusDays(6));
        var first = t.steps().get(0);
        assertThat(first.events()).hasSize(4 + 1);
        assertThat(first.generated()).containsExactly(new Strike(START, Party.PROXY, Target.CAPITAL, 0.5));
        assertThat(first.events().stream().filter(first::isGenerated)).hasSize(1);
        var last = t.steps().get(1);
        assertThat(last.events()).containsExactly(new Strike(START.plusDays(3), Party.PROXY, Target.DEEP, 0.4));
        assertThat(last.generated()).isEmpty();
    }

    @Test
    void policiesRefuseNonsense() {
        assertThatThrownBy(() -> new Policy.Press(0, Party.PROXY, null, 0.5))
                .hasMessage("policy.press.strikeEveryDays must be a positive number of days (0)");
        assertThatThrownBy(() -> new Policy.Hold(5, PressureKind.OTHER, 1.5))
                .hasMessage("policy.hold.magnitude must be a score in [0, 1] (1.5)");
    }
}
