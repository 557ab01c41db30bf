package org.threshold.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.threshold.Scenario;
import org.threshold.fact.Event;
import org.threshold.fact.Faction;
import org.threshold.fact.Party;
import org.threshold.fact.Posture;
import org.threshold.fact.Pressure;
import org.threshold.fact.Retaliation;
import org.threshold.fact.ReturnTicket;
import org.threshold.fact.RiskLevel;
import org.threshold.fact.Scores;
import org.threshold.fact.Stance;
import org.threshold.fact.Strain;
import org.threshold.fact.Strike;
import org.threshold.fact.Threat;
import org.threshold.fact.ThresholdCrossing;
import org.threshold.rules.EssayCalibration;

/**
 * The essay model of MODEL.md written directly in Java, with no rule engine: the baseline that
 * {@link AssessBenchmark} sets beside the reasoner.
 *
 * <p>It computes the same eleven metrics, ten conclusions, posture and risk level as the default
 * rule pack, reading every constant from the scenario's calibration through
 * {@link EssayCalibration}, as the rules do, with response windows inclusive at both ends and events after {@code asOf} ignored. It builds no
 * explanations: what it measures is the arithmetic alone, the floor under any engine.
 * {@code PlainJavaAssessorTest} checks that it agrees with the reasoner.
 *
 * <p>Implementation notes: one pass over the events sorts them by type; crossings are few, so the
 * window checks scan them directly. Sums are plain double sums, which differ from the rules'
 * exact sums only in the last bits.
 */
public final class PlainJavaAssessor {

    /** What the baseline concludes: the metrics by the rule pack's names, and the verdicts. */
    public record Result(Map<String, Double> metrics, List<String> conclusions, Posture posture, RiskLevel riskLevel,
            String boundedBasis) {
    }

    private PlainJavaAssessor() {
    }

    /** Assesses {@code scenario} as of its {@code asOf} day. */
    public static Result assess(Scenario scenario) {
        EssayCalibration c = EssayCalibration.of(scenario.calibration());
        long today = scenario.asOf().toEpochDay();
        double window = c.responseWindowDays();

        List<Strike> strikes = new ArrayList<>();
        List<Threat> threats = new ArrayList<>();
        List<Retaliation> retaliations = new ArrayList<>();
        List<Pressure> pressures = new ArrayList<>();
        long[] crossings = new long[4];
        int crossingCount = 0;
        for (Event e : scenario.events()) {
            long day = e.day().toEpochDay();
            if (day > today) {
                continue;
            }
            if (e instanceof Strike s) {
                strikes.add(s);
            } else if (e instanceof Threat t) {
                threats.add(t);
            } else if (e instanceof Retaliation r) {
                retaliations.add(r);
            } else if (e instanceof Pressure p) {
                pressures.add(p);
            } else if (e instanceof ThresholdCrossing) {
                if (crossingCount == crossings.length) {
                    crossings = Arrays.copyOf(crossings, crossingCount * 2);
                }
                crossings[crossingCount++] = day;
            }
        }
        boolean crossed = crossingCount > 0;

        // 1. return ticket
        ReturnTicket ticket = scenario.returnTicket();
        double weights = c.returnTicketWeightFinance() + c.returnTicketWeightRecognition()
                + c.returnTicketWeightEliteAspiration() + c.returnTicketWeightNegotiability();
        double rt = (c.returnTicketWeightFinance() * ticket.finance()
                + c.returnTicketWeightRecognition() * ticket.recognition()
                + c.returnTicketWeightEliteAspiration() * ticket.eliteAspiration()
                + c.returnTicketWeightNegotiability() * ticket.negotiability()) / weights;

        // 2. hardliner influence
        double all = 0.0;
        double hard = 0.0;
        for (Faction f : scenario.factions()) {
            all += f.influence();
            if (f.stance() == Stance.HARDLINE) {
                hard += f.influence();
            }
        }
        double hl = all > 0.0 ? hard / all : 0.0;

        // 3. humiliation, clamped once
        double hurt = 0.0;
        for (Strike s : strikes) {
            hurt += c.humiliationWeight(s.target()) * c.strikerMultiplier(s.by()) * s.severity()
                    * c.fading(today - s.day().toEpochDay());
        }
        double relief = 0.0;
        for (Retaliation r : retaliations) {
            relief += c.humiliationRelief() * r.severity() * c.fading(today - r.day().toEpochDay());
        }
        double h = Scores.clamp(hurt - relief);

        // 4-7. tolerance, erosion, effective hardliner influence, effective return ticket
        double t = Scores.clamp(c.toleranceBase() + c.toleranceReturnTicket() * rt - c.toleranceHardliner() * hl);
        double erosion = Math.max(0.0, h - t);
        double hlStar = Scores.clamp(hl + c.erosionToHardliner() * erosion);
        double rtStar = rt * (1.0 - hlStar);

        // 8. threat credibility: threats whose closed window holds no crossing
        int unfulfilled = 0;
        for (Threat th : threats) {
            long day = th.day().toEpochDay();
            if (today - day > window && !answered(day, window, crossings, crossingCount)) {
                unfulfilled++;
            }
        }
        double cred = c.threatCredibility() * Math.pow(c.threatDecay(), unfulfilled);

        // 9. observer confidence: conveyor cycles
        int cycles = 0;
        for (Strike s : strikes) {
            long day = s.day().toEpochDay();
            if (s.target().isDeep() && today - day > window && !answered(day, window, crossings, crossingCount)) {
                cycles++;
            }
        }
        double q = 1.0 - (1.0 - c.confidenceInitial()) * Math.pow(c.confidenceGrowth(), cycles);

        // 10. strain
        Strain strain = scenario.strain();
        double pressed = 0.0;
        for (Pressure p : pressures) {
            pressed += p.magnitude();
        }
        double mean = (strain.budget() + strain.legitimacy() + strain.recruitment() + strain.eliteCohesion()) / 4.0;
        double s = Scores.clamp(mean + c.strainPerPressure() * pressed);

        // 11. escalation risk and its level
        double r = crossed ? 1.0 : Scores.clamp(hlStar * (1.0 - rtStar));
        RiskLevel level = r < c.riskElevated() ? RiskLevel.LOW
                : r < c.riskHigh() ? RiskLevel.ELEVATED
                : r < c.riskCritical() ? RiskLevel.HIGH
                : RiskLevel.CRITICAL;

        // conclusions on the adversary's side
        boolean restraintErosion = erosion > 0.0;
        boolean factionShift = hlStar >= c.factionShiftThreshold();
        boolean bounded = !crossed && !factionShift && rtStar >= c.boundedReturnTicketMin();
        String basis = bounded ? (scenario.capacity().value() >= c.boundedCapacityForWill() ? "WILL" : "CAPACITY") : null;

        // the observer's side: events and signals only
        boolean discounted = cred < c.discountedBelow();
        boolean readsBounded = !crossed && (discounted || q >= c.readsBoundedConfidence());
        boolean longWar = scenario.signals().size() >= c.longWarSignals();
        boolean contain = crossed;
        if (!contain) {
            for (Threat th : threats) {
                if (today - th.day().toEpochDay() <= window && th.severity() * cred >= c.containCredibility()) {
                    contain = true;
                    break;
                }
            }
        }
        Posture posture = contain ? Posture.CONTAIN : readsBounded ? Posture.PRESS : Posture.HOLD;

        // where the two meet
        boolean press = posture == Posture.PRESS;
        boolean miscalibration = press && (restraintErosion || !bounded);
        boolean inwardCrack = s >= c.strainThreshold() && bounded;
        boolean outwardLeap = s >= c.strainThreshold() && factionShift;
        boolean riskTransferred = press
                && scenario.costs().get(Party.PROXY).human() >= c.proxyHumanCostMin()
                && scenario.costs().get(Party.OBSERVER).human() <= c.observerHumanCostMax();

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("returnTicket", rt);
        metrics.put("hardlinerInfluence", hl);
        metrics.put("humiliation", h);
        metrics.put("restraintTolerance", t);
        metrics.put("restraintErosion", erosion);
        metrics.put("effectiveHardlinerInfluence", hlStar);
        metrics.put("effectiveReturnTicket", rtStar);
        metrics.put("threatCredibility", cred);
        metrics.put("observerConfidence", q);
        metrics.put("strain", s);
        metrics.put("escalationRisk", r);

        List<String> conclusions = new ArrayList<>(10);
        add(conclusions, restraintErosion, "RESTRAINT_EROSION");
        add(conclusions, factionShift, "FACTION_SHIFT");
        add(conclusions, bounded, "BOUNDED_ADVERSARY");
        add(conclusions, discounted, "THREATS_DISCOUNTED");
        add(conclusions, readsBounded, "OBSERVER_READS_BOUNDED");
        add(conclusions, longWar, "OBSERVER_EXPECTS_LONG_WAR");
        add(conclusions, miscalibration, "MISCALIBRATION");
        add(conclusions, inwardCrack, "INWARD_CRACK_LIKELY");
        add(conclusions, outwardLeap, "OUTWARD_LEAP_RISK");
        add(conclusions, riskTransferred, "RISK_TRANSFERRED_TO_PROXY");
        return new Result(metrics, conclusions, posture, level, basis);
    }

    /** Whether a crossing falls in the window {@code [day, day + window]}. */
    private static boolean answered(long day, double window, long[] crossings, int count) {
        for (int i = 0; i < count; i++) {
            long x = crossings[i];
            if (x >= day && x - day <= window) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<String> conclusions, boolean holds, String type) {
        if (holds) {
            conclusions.add(type);
        }
    }
}
