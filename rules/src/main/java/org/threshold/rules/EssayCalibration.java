package org.threshold.rules;

import org.threshold.Calibration;
import org.threshold.fact.Party;
import org.threshold.fact.Target;

/**
 * The essay pack's calibration as the rules read it: one field per key of the pack's
 * {@code calibration.properties}, read once per calibration (see {@link #of(Calibration)}) so that
 * a rule's constant costs a field read, not a map look-up. The pack inserts it beside the
 * {@link Calibration} fact of every assessment; rules match {@code $c : EssayCalibration()}.
 *
 * <p>Immutable; equal where the calibrations are equal.
 */
public final class EssayCalibration {

    private final Calibration calibration;

    private final double rtFinance;
    private final double rtRecognition;
    private final double rtEliteAspiration;
    private final double rtNegotiability;
    private final double wFrontline;
    private final double wInfrastructure;
    private final double wDeep;
    private final double wCapital;
    private final double relief;
    private final double observerMultiplier;
    private final double halfLifeDays;
    private final double toleranceBase;
    private final double toleranceReturnTicket;
    private final double toleranceHardliner;
    private final double erosionToHardliner;
    private final double factionShiftThreshold;
    private final double boundedReturnTicketMin;
    private final double boundedCapacityForWill;
    private final double threatCredibility;
    private final double threatDecay;
    private final double responseWindowDays;
    private final double confidenceInitial;
    private final double confidenceGrowth;
    private final double discountedBelow;
    private final double readsBoundedConfidence;
    private final double containCredibility;
    private final double strainThreshold;
    private final double strainPerPressure;
    private final double proxyHumanCostMin;
    private final double observerHumanCostMax;
    private final int longWarSignals;
    private final double riskElevated;
    private final double riskHigh;
    private final double riskCritical;

    private EssayCalibration(Calibration c) {
        this.calibration = c;
        rtFinance = c.get("returnTicket.weight.finance");
        rtRecognition = c.get("returnTicket.weight.recognition");
        rtEliteAspiration = c.get("returnTicket.weight.eliteAspiration");
        rtNegotiability = c.get("returnTicket.weight.negotiability");
        wFrontline = c.get("humiliation.weight.frontline");
        wInfrastructure = c.get("humiliation.weight.infrastructure");
        wDeep = c.get("humiliation.weight.deep");
        wCapital = c.get("humiliation.weight.capital");
        relief = c.get("humiliation.relief");
        observerMultiplier = c.get("humiliation.observerMultiplier");
        halfLifeDays = c.get("humiliation.halfLifeDays");
        toleranceBase = c.get("tolerance.base");
        toleranceReturnTicket = c.get("tolerance.returnTicket");
        toleranceHardliner = c.get("tolerance.hardliner");
        erosionToHardliner = c.get("erosion.toHardliner");
        factionShiftThreshold = c.get("factionShift.threshold");
        boundedReturnTicketMin = c.get("bounded.returnTicketMin");
        boundedCapacityForWill = c.get("bounded.capacityForWill");
        threatCredibility = c.get("threat.credibility");
        threatDecay = c.get("threat.decay");
        responseWindowDays = c.get("responseWindowDays");
        confidenceInitial = c.get("confidence.initial");
        confidenceGrowth = c.get("confidence.growth");
        discountedBelow = c.get("discounted.below");
        readsBoundedConfidence = c.get("readsBounded.confidence");
        containCredibility = c.get("contain.credibility");
        strainThreshold = c.get("strain.threshold");
        strainPerPressure = c.get("strain.perPressure");
        proxyHumanCostMin = c.get("proxy.humanCostMin");
        observerHumanCostMax = c.get("observer.humanCostMax");
        longWarSignals = (int) Math.min(Integer.MAX_VALUE, c.get("longWar.signals"));
        riskElevated = c.get("risk.elevated");
        riskHigh = c.get("risk.high");
        riskCritical = c.get("risk.critical");
    }

    /**
     * The view of {@code calibration}, made the first time it is asked for and kept with it.
     *
     * @throws IllegalArgumentException where the calibration lacks a key of the essay pack
     */
    public static EssayCalibration of(Calibration calibration) {
        return calibration.view(EssayCalibration.class, EssayCalibration::new);
    }

    /** The calibration this view reads. */
    public Calibration calibration() {
        return calibration;
    }

    public double returnTicketWeightFinance() {
        return rtFinance;
    }

    public double returnTicketWeightRecognition() {
        return rtRecognition;
    }

    public double returnTicketWeightEliteAspiration() {
        return rtEliteAspiration;
    }

    public double returnTicketWeightNegotiability() {
        return rtNegotiability;
    }

    /** The humiliation weight {@code w(target)}. */
    public double humiliationWeight(Target target) {
        return switch (target) {
            case FRONTLINE -> wFrontline;
            case INFRASTRUCTURE -> wInfrastructure;
            case DEEP -> wDeep;
            case CAPITAL -> wCapital;
        };
    }

    /** The multiplier {@code m(by)}: 1 for the proxy, {@code humiliation.observerMultiplier} for the observer. */
    public double strikerMultiplier(Party by) {
        return by == Party.OBSERVER ? observerMultiplier : 1.0;
    }

    public double humiliationRelief() {
        return relief;
    }

    public double humiliationObserverMultiplier() {
        return observerMultiplier;
    }

    /** The half-life of humiliation in days; positive infinity where none is set. */
    public double humiliationHalfLifeDays() {
        return halfLifeDays;
    }

    /** Whether humiliation fades: a half-life is set (rules read it as {@code humiliationFading}). */
    public boolean isHumiliationFading() {
        return halfLifeDays != Double.POSITIVE_INFINITY;
    }

    /** The fading factor {@code 0.5^(ageDays / halfLife)} of a term {@code ageDays} old; 1 without a half-life. */
    public double fading(long ageDays) {
        return halfLifeDays == Double.POSITIVE_INFINITY ? 1.0 : Math.pow(0.5, ageDays / halfLifeDays);
    }

    public double toleranceBase() {
        return toleranceBase;
    }

    public double toleranceReturnTicket() {
        return toleranceReturnTicket;
    }

    public double toleranceHardliner() {
        return toleranceHardliner;
    }

    public double erosionToHardliner() {
        return erosionToHardliner;
    }

    public double factionShiftThreshold() {
        return factionShiftThreshold;
    }

    public double boundedReturnTicketMin() {
        return boundedReturnTicketMin;
    }

    public double boundedCapacityForWill() {
        return boundedCapacityForWill;
    }

    public double threatCredibility() {
        return threatCredibility;
    }

    public double threatDecay() {
        return threatDecay;
    }

    public double responseWindowDays() {
        return responseWindowDays;
    }

    public double confidenceInitial() {
        return confidenceInitial;
    }

    public double confidenceGrowth() {
        return confidenceGrowth;
    }

    public double discountedBelow() {
        return discountedBelow;
    }

    public double readsBoundedConfidence() {
        return readsBoundedConfidence;
    }

    public double containCredibility() {
        return containCredibility;
    }

    public double strainThreshold() {
        return strainThreshold;
    }

    public double strainPerPressure() {
        return strainPerPressure;
    }

    public double proxyHumanCostMin() {
        return proxyHumanCostMin;
    }

    public double observerHumanCostMax() {
        return observerHumanCostMax;
    }

    public int longWarSignals() {
        return longWarSignals;
    }

    public double riskElevated() {
        return riskElevated;
    }

    public double riskHigh() {
        return riskHigh;
    }

    public double riskCritical() {
        return riskCritical;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EssayCalibration other && calibration.equals(other.calibration);
    }

    @Override
    public int hashCode() {
        return calibration.hashCode();
    }

    @Override
    public String toString() {
        return calibration.toString();
    }
}
