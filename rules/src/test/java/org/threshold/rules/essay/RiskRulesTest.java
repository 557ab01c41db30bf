package org.threshold.rules.essay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threshold.rules.EssayModel.BOUNDED_ADVERSARY;
import static org.threshold.rules.EssayModel.EFFECTIVE_HARDLINER_INFLUENCE;
import static org.threshold.rules.EssayModel.EFFECTIVE_RETURN_TICKET;
import static org.threshold.rules.EssayModel.ESCALATION_RISK;
import static org.threshold.rules.EssayModel.HARDLINER_INFLUENCE;
import static org.threshold.rules.EssayModel.HUMILIATION;
import static org.threshold.rules.EssayModel.METRICS;
import static org.threshold.rules.EssayModel.OBSERVER_CONFIDENCE;
import static org.threshold.rules.EssayModel.OBSERVER_EXPECTS_LONG_WAR;
import static org.threshold.rules.EssayModel.RESTRAINT_EROSION_METRIC;
import static org.threshold.rules.EssayModel.RESTRAINT_TOLERANCE;
import static org.threshold.rules.EssayModel.RETURN_TICKET;
import static org.threshold.rules.EssayModel.STRAIN;
import static org.threshold.rules.EssayModel.THREAT_CREDIBILITY;
import static org.threshold.rules.essay.EssayScenarios.AS_OF;
import static org.threshold.rules.essay.EssayScenarios.daysAfter;
import static org.threshold.rules.essay.EssayScenarios.daysAgo;
import static org.threshold.rules.essay.EssayScenarios.hardliners;
import static org.threshold.rules.essay.EssayScenarios.pragmatists;
import static org.threshold.rules.essay.EssayScenarios.scenario;
import static org.threshold.testing.AssessmentAssert.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threshold.Assessment;
import org.threshold.Explanation;
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

/**
 * risk.drl: escalation risk R = 1 after a threshold crossing, else clamp(HL* * (1 - RT*)), and its
 * level: LOW below 0.25, ELEVATED below 0.45, HIGH below 0.70, CRITICAL from 0.70 (MODEL.md metric 11).
 */
class RiskRulesTest {

    private static final Reasoner REASONER = Threshold.builder().build();

    @Test
    void emptyScenarioHasEveryMetricAtItsFloor() {
        // RT = 0, HL = 0, H = 0, T = 0.20, E = 0, HL* = 0, RT* = 0, C = 0.90, Q = 0.30, S = 0,
        // R = 0 * (1 - 0) = 0 -> LOW; no crossing, no open threat, C >= 0.50 and Q < 0.60 -> HOLD
        Assessment a = REASONER.assess(scenario().build());

        assertThat(a.metrics()).containsOnlyKeys(METRICS);
        assertThat(a).hasMetric(RETURN_TICKET, 0.0).hasMetric(HARDLINER_INFLUENCE, 0.0).hasMetric(HUMILIATION, 0.0)
                .hasMetric(RESTRAINT_TOLERANCE, 0.20).hasMetric(RESTRAINT_EROSION_METRIC, 0.0)
                .hasMetric(EFFECTIVE_HARDLINER_INFLUENCE, 0.0).hasMetric(EFFECTIVE_RETURN_TICKET, 0.0)
                .hasMetric(THREAT_CREDIBILITY, 0.90).hasMetric(OBSERVER_CONFIDENCE, 0.30).hasMetric(STRAIN, 0.0)
                .hasMetric(ESCALATION_RISK, 0.0)
                .hasRiskLevel(RiskLevel.LOW)
                .hasPosture(Posture.HOLD);
        assertThat(a.conclusions()).isEmpty();
    }

    @Test
    void riskIsEffectiveHardlinersTimesTheMissingEffectiveTicket() {
        // RT = 0.5, HL = 0.35, H = 0: T = 0.36, E = 0, HL* = 0.35, RT* = 0.5 * 0.65 = 0.325
        // R = 0.35 * (1 - 0.325) = 0.35 * 0.675 = 0.23625 -> LOW
        Assessment a = REASONER.assess(scenario().returnTicket(0.5, 0.5, 0.5, 0.5)
                .faction(hardliners(0.35)).faction(pragmatists(0.65)).build());

        assertThat(a).hasMetric(ESCALATION_RISK, 0.23625).hasRiskLevel(RiskLevel.LOW);
        assertThat(a.riskLevelBecause()).extracting(Explanation::rule).containsExactly("risk level low");
        assertThat(a.riskLevelBecause()).extracting(Explanation::reason)
                .containsExactly("escalation risk 0.236 < 0.25");
    }

    @Test
    void erosionRaisesRisk() {
        // RT = 0.5, HL = 0.35, T = 0.36; H = 2 * 0.25 * 2.0 * 0.8 = 0.8; E = 0.44
        // HL* = 0.79, RT* = 0.105: R = 0.79 * 0.895 = 0.70705 -> CRITICAL
        Assessment a = REASONER.assess(scenario().returnTicket(0.5, 0.5, 0.5, 0.5)
                .faction(hardliners(0.35)).faction(pragmatists(0.65))
                .event(new Strike(daysAgo(10), Party.OBSERVER, Target.CAPITAL, 0.8))
                .event(new Strike(daysAgo(5), Party.OBSERVER, Target.CAPITAL, 0.8))
                .build());

        assertThat(a).hasMetric(ESCALATION_RISK, 0.70705).hasRiskLevel(RiskLevel.CRITICAL);
    }

    @ParameterizedTest(name = "hardliners {0} beside pragmatists {1} give risk {0}: {2}")
    @CsvSource({
            // no return ticket, no humiliation: RT* = 0, HL* = HL = h / (h + p) = h, R = HL * (1 - 0) = h
            "0.24, 0.76, LOW,      risk level low",
            "0.25, 0.75, ELEVATED, risk level elevated",
            "0.44, 0.56, ELEVATED, risk level elevated",
            "0.45, 0.55, HIGH,     risk level high",
            "0.69, 0.31, HIGH,     risk level high",
            "0.70, 0.30, CRITICAL, risk level critical",
    })
    void riskLevelBoundsAreInclusiveFromBelow(double hardline, double pragmatic, RiskLevel level, String rule) {
        // GIVEN
        Scenario s = scenario().faction(hardliners(hardline)).faction(pragmatists(pragmatic)).build();

        // WHEN
        Assessment a = REASONER.assess(s);

        // THEN
        assertThat(a).hasMetric(ESCALATION_RISK, hardline).hasRiskLevel(level);
        assertThat(a.riskLevelBecause()).extracting(Explanation::rule).containsExactly(rule);
    }

    @Test
    void crossingSetsRiskToOneWhateverTheAdversarysState() {
        // a full return ticket and no hardliners would give R = 0; after a crossing R = 1 -> CRITICAL
        Assessment a = REASONER.assess(scenario().returnTicket(1, 1, 1, 1)
                .event(new ThresholdCrossing(daysAgo(5))).build());

        assertThat(a).hasMetric(ESCALATION_RISK, 1.0).hasRiskLevel(RiskLevel.CRITICAL);
        assertThat(a.riskLevelBecause()).extracting(Explanation::reason)
                .containsExactly("escalation risk 1.000 >= 0.70");
    }

    @Test
    void crossingOnAsOfCounts() {
        Assessment a = REASONER.assess(scenario().event(new ThresholdCrossing(AS_OF)).build());

        assertThat(a).hasMetric(ESCALATION_RISK, 1.0).hasRiskLevel(RiskLevel.CRITICAL);
    }

    @Test
    void crossingAfterAsOfIsIgnored() {
        // HL = 0.3, RT = 0: R = 0.3 -> ELEVATED, not 1
        Assessment a = REASONER.assess(scenario().faction(hardliners(0.3)).faction(pragmatists(0.7))
                .event(new ThresholdCrossing(daysAfter(1))).build());

        assertThat(a).hasMetric(ESCALATION_RISK, 0.3).hasRiskLevel(RiskLevel.ELEVATED).hasPosture(Posture.HOLD);
    }

    @Test
    void calibratedRiskBoundsChangeTheLevel() {
        // R = 0.35 (HL = 0.35, RT = 0): ELEVATED by default, HIGH from risk.high 0.30
        Scenario.Builder s = scenario().faction(hardliners(0.35)).faction(pragmatists(0.65));

        Assessment byDefault = REASONER.assess(s.build());
        Assessment calibrated = REASONER.assess(s.calibrate("risk.high", 0.30).build());

        assertThat(byDefault).hasRiskLevel(RiskLevel.ELEVATED);
        assertThat(calibrated).hasRiskLevel(RiskLevel.HIGH);
        assertThat(calibrated.riskLevelBecause()).extracting(Explanation::reason)
                .containsExactly("escalation risk 0.350 in [0.30, 0.70)");
    }

    @Test
    void contractExampleIsAssessedAsDocumented() {
        // GIVEN the scenario of INTERFACES.md, asOf 2026-11-24, calibrated capital weight 0.3 and window 45
        LocalDate asOf = LocalDate.of(2026, 11, 24);
        Scenario s = Scenario.builder("moscow-struck", asOf)
                .capacity(0.9).returnTicket(0.7, 0.8, 0.7, 0.6)
                .faction(pragmatists(0.65)).faction(hardliners(0.35))
                .strain(0.5, 0.3, 0.5, 0.3)
                .signal(Signal.LONG_WAR_BUDGETING).signal(Signal.REARMAMENT)
                .cost(Party.OBSERVER, 0.02).cost(Party.PROXY, 0.9)
                .event(new Strike(LocalDate.of(2026, 11, 23), Party.PROXY, Target.CAPITAL, 0.6))
                .event(new Threat(LocalDate.of(2026, 9, 1), 0.8))
                .event(new Retaliation(LocalDate.of(2026, 9, 3), 0.7))
                .event(new Pressure(LocalDate.of(2026, 8, 1), PressureKind.SANCTIONS, 0.5))
                .event(new ThresholdCrossing(LocalDate.of(2026, 12, 1)))
                .calibrate("humiliation.weight.capital", 0.3).calibrate("responseWindowDays", 45)
                .build();

        // WHEN
        Assessment a = REASONER.assess(s);

        // THEN
        // RT = 2.8 / 4 = 0.7; HL = 0.35; H = 0.3 * 0.6 - 0.1 * 0.7 = 0.11; T = 0.2 + 0.42 - 0.14 = 0.48; E = 0
        // HL* = 0.35; RT* = 0.7 * 0.65 = 0.455; threat of 1 Sep closed on 16 Oct, the crossing of 1 Dec is
        // after asOf: U = 1, C = 0.72; the capital strike's window is open: K = 0, Q = 0.30
        // S = 0.4 + 0.02 * 0.5 = 0.41; R = 0.35 * 0.545 = 0.19075 -> LOW; no cause to contain, not read bounded -> HOLD
        assertThat(a).hasMetric(RETURN_TICKET, 0.7).hasMetric(HARDLINER_INFLUENCE, 0.35).hasMetric(HUMILIATION, 0.11)
                .hasMetric(RESTRAINT_TOLERANCE, 0.48).hasMetric(RESTRAINT_EROSION_METRIC, 0.0)
                .hasMetric(EFFECTIVE_HARDLINER_INFLUENCE, 0.35).hasMetric(EFFECTIVE_RETURN_TICKET, 0.455)
                .hasMetric(THREAT_CREDIBILITY, 0.72).hasMetric(OBSERVER_CONFIDENCE, 0.3).hasMetric(STRAIN, 0.41)
                .hasMetric(ESCALATION_RISK, 0.19075)
                .hasRiskLevel(RiskLevel.LOW)
                .hasPosture(Posture.HOLD, "posture hold");
        assertThat(a.conclusionTypes()).containsExactly(BOUNDED_ADVERSARY, OBSERVER_EXPECTS_LONG_WAR);
        assertThat(a).holds(BOUNDED_ADVERSARY).hasBasis("WILL").hasStrength(0.455);
    }
}
