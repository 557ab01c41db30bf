package org.threshold.rules.essay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threshold.rules.essay.EssayScenarios.daysAfter;
import static org.threshold.rules.essay.EssayScenarios.daysAgo;
import static org.threshold.rules.essay.EssayScenarios.hardliners;
import static org.threshold.rules.essay.EssayScenarios.pragmatists;
import static org.threshold.rules.essay.EssayScenarios.scenario;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.fact.Party;
import org.threshold.fact.Posture;
import org.threshold.fact.Pressure;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Retaliation;
import org.threshold.fact.RiskLevel;
import org.threshold.fact.Signal;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.Threat;
import org.threshold.fact.ThresholdCrossing;
import org.threshold.rules.EssayRulePack;

/** The pack compiled from its DRL at build time reasons exactly as its precompiled executable model. */
class CompiledFromDrlTest {

    private static final Reasoner PRECOMPILED = Threshold.builder().build();
    private static final Reasoner FROM_DRL = Threshold.builder().defaultPacks(false).pack(EssayRulePack.fromDrl()).build();

    @Test
    void drlCompiledPackGivesTheSameAssessmentsAsThePrecompiledOne() {
        // GIVEN
        List<Scenario> scenarios = varied();

        // WHEN
        List<Assessment> precompiled = scenarios.stream().map(PRECOMPILED::assess).toList();
        List<Assessment> fromDrl = scenarios.stream().map(FROM_DRL::assess).toList();

        // THEN
        assertThat(PRECOMPILED.precompiled()).isTrue();
        assertThat(FROM_DRL.precompiled()).isFalse();
        assertThat(precompiled).extracting(Assessment::posture)
                .contains(Posture.CONTAIN, Posture.PRESS, Posture.HOLD);
        assertThat(precompiled).extracting(Assessment::riskLevel)
                .contains(RiskLevel.LOW, RiskLevel.ELEVATED, RiskLevel.HIGH, RiskLevel.CRITICAL);
        SoftAssertions.assertSoftly(softly -> {
            for (int i = 0; i < scenarios.size(); i++) {
                softly.assertThat(fromDrl.get(i)).as("scenario %d (%s)", i, precompiled.get(i).posture())
                        .isEqualTo(precompiled.get(i));
            }
        });
    }

    /** Scenarios that between them reach every posture and every risk level. */
    private static List<Scenario> varied() {
        return List.of(
                scenario().build(),
                scenario().capacity(0.9).returnTicket(0.7, 0.8, 0.7, 0.6)
                        .faction(pragmatists(0.65)).faction(hardliners(0.35))
                        .strain(0.5, 0.3, 0.5, 0.3)
                        .signal(Signal.LONG_WAR_BUDGETING).signal(Signal.REARMAMENT)
                        .cost(Party.OBSERVER, 0.02).cost(Party.PROXY, 0.9)
                        .event(new Strike(daysAgo(1), Party.PROXY, Target.CAPITAL, 0.6))
                        .event(new Threat(daysAgo(84), 0.8))
                        .event(new Retaliation(daysAgo(82), 0.7))
                        .event(new Pressure(daysAgo(115), PressureKind.SANCTIONS, 0.5))
                        .event(new ThresholdCrossing(daysAfter(7)))
                        .calibrate("humiliation.weight.capital", 0.3).calibrate("responseWindowDays", 45)
                        .build(),
                scenario().returnTicket(1, 1, 1, 1).capacity(0.3)
                        .cost(Party.OBSERVER, 0.05).cost(Party.PROXY, 0.8)
                        .event(new Strike(daysAgo(40), Party.PROXY, Target.DEEP, 1.0))
                        .event(new Strike(daysAgo(50), Party.PROXY, Target.DEEP, 1.0))
                        .build(),
                scenario().faction(hardliners(0.3)).faction(pragmatists(0.7)).strain(1, 1, 1, 1)
                        .event(new Strike(daysAgo(40), Party.OBSERVER, Target.CAPITAL, 1.0))
                        .event(new Strike(daysAgo(50), Party.OBSERVER, Target.CAPITAL, 1.0))
                        .event(new Threat(daysAgo(60), 0.5))
                        .build(),
                scenario().returnTicket(0.5, 0.5, 0.5, 0.5).faction(hardliners(0.4)).faction(pragmatists(0.6))
                        .event(new Threat(daysAgo(10), 0.9))
                        .build(),
                scenario().faction(hardliners(0.5)).faction(pragmatists(0.5)).strain(1.0, 0.4, 0.6, 0.4)
                        .event(new ThresholdCrossing(daysAgo(3)))
                        .event(new Strike(daysAgo(20), Party.PROXY, Target.INFRASTRUCTURE, 0.7))
                        .calibrate("humiliation.halfLifeDays", 10)
                        .build(),
                scenario().faction(hardliners(0.45)).faction(pragmatists(0.55))
                        .event(new Threat(daysAgo(40), 0.2)).event(new Threat(daysAgo(50), 0.2))
                        .event(new Threat(daysAgo(60), 0.2))
                        .build());
    }


    @Test
    void drlCompiledPackAgreesFieldByFieldWithThePrecompiledOne() {
        // GIVEN
        List<Scenario> scenarios = varied();

        // WHEN
        List<Assessment> precompiled = scenarios.stream().map(PRECOMPILED::assess).toList();
        List<Assessment> fromDrl = scenarios.stream().map(FROM_DRL::assess).toList();

        // THEN every field down to the explanations' matched facts and reasons' arguments agrees
        assertThat(fromDrl).usingRecursiveComparison().isEqualTo(precompiled);
    }

    @Test
    void assessingTheSameScenarioTwiceGivesEqualAssessments() {
        // GIVEN a scenario whose posture PRESS rests on the derived conclusion OBSERVER_READS_BOUNDED
        Scenario pressed = scenario().returnTicket(1, 1, 1, 1)
                .event(new Strike(daysAgo(40), Party.PROXY, Target.DEEP, 1.0))
                .event(new Strike(daysAgo(50), Party.PROXY, Target.DEEP, 1.0))
                .build();

        // WHEN
        Assessment first = PRECOMPILED.assess(pressed);
        Assessment second = PRECOMPILED.assess(pressed);

        // THEN
        assertThat(first.posture()).isEqualTo(Posture.PRESS);
        assertThat(second).isEqualTo(first);
    }
}
