package org.threshold;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.threshold.fact.Party;
import org.threshold.fact.Target;

/**
 * Every number of the model, by the keys of the scenario file's {@code calibration:} section.
 *
 * <p>Rules read their constants from this fact ({@code $c: Calibration()}), never from literals,
 * so a user can move any of them per scenario. {@link #defaults()} holds the defaults of
 * MODEL.md; {@link #with(String, double)} returns a copy with one key changed. Instances are
 * immutable and thread-safe.
 *
 * <p>{@code humiliation.halfLifeDays} has no default: humiliation does not fade unless a
 * half-life is set, which {@link #get(String)} reports as positive infinity.
 */
public final class Calibration {

    /** What values a key accepts. */
    public enum Range {
        /** A number in [0, 1]. */
        UNIT("a number in [0, 1]"),
        /** A finite number of at least 0. */
        NON_NEGATIVE("a finite number >= 0"),
        /** A finite number of days above 0. */
        POSITIVE_DAYS("a finite number of days > 0"),
        /** A whole number of at least 0. */
        COUNT("a whole number >= 0");

        private final String description;

        Range(String description) {
            this.description = description;
        }

        /** Words for an error message, such as "a number in [0, 1]". */
        public String description() {
            return description;
        }

        boolean accepts(double v) {
            return switch (this) {
                case UNIT -> v >= 0.0 && v <= 1.0;
                case NON_NEGATIVE -> Double.isFinite(v) && v >= 0.0;
                case POSITIVE_DAYS -> Double.isFinite(v) && v > 0.0;
                case COUNT -> Double.isFinite(v) && v >= 0.0 && v == Math.rint(v);
            };
        }
    }

    private record Spec(double defaultValue, Range range, String meaning) {
    }

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        spec("returnTicket.weight.finance", 1.0, Range.NON_NEGATIVE, "weight of finance in the return ticket");
        spec("returnTicket.weight.recognition", 1.0, Range.NON_NEGATIVE, "weight of recognition in the return ticket");
        spec("returnTicket.weight.eliteAspiration", 1.0, Range.NON_NEGATIVE, "weight of elite aspiration in the return ticket");
        spec("returnTicket.weight.negotiability", 1.0, Range.NON_NEGATIVE, "weight of negotiability in the return ticket");
        spec("humiliation.weight.frontline", 0.01, Range.NON_NEGATIVE, "humiliation per unit severity of a FRONTLINE strike");
        spec("humiliation.weight.infrastructure", 0.04, Range.NON_NEGATIVE, "humiliation per unit severity of an INFRASTRUCTURE strike");
        spec("humiliation.weight.deep", 0.08, Range.NON_NEGATIVE, "humiliation per unit severity of a DEEP strike");
        spec("humiliation.weight.capital", 0.25, Range.NON_NEGATIVE, "humiliation per unit severity of a CAPITAL strike");
        spec("humiliation.relief", 0.10, Range.NON_NEGATIVE, "humiliation relieved per unit severity of a retaliation");
        spec("humiliation.observerMultiplier", 2.0, Range.NON_NEGATIVE, "multiplier for strikes by the OBSERVER itself (PROXY strikes count 1)");
        spec("humiliation.halfLifeDays", Double.POSITIVE_INFINITY, Range.POSITIVE_DAYS, "half-life of humiliation in days (none by default)");
        spec("tolerance.base", 0.20, Range.NON_NEGATIVE, "restraint tolerance before return ticket and hardliners");
        spec("tolerance.returnTicket", 0.60, Range.NON_NEGATIVE, "restraint tolerance bought per unit of return ticket");
        spec("tolerance.hardliner", 0.40, Range.NON_NEGATIVE, "restraint tolerance spent per unit of hardliner influence");
        spec("erosion.toHardliner", 1.0, Range.NON_NEGATIVE, "hardliner influence gained per unit of restraint erosion");
        spec("factionShift.threshold", 0.50, Range.UNIT, "effective hardliner influence at which FACTION_SHIFT holds");
        spec("bounded.returnTicketMin", 0.30, Range.UNIT, "effective return ticket needed for BOUNDED_ADVERSARY");
        spec("bounded.capacityForWill", 0.50, Range.UNIT, "capacity from which the bound is one of WILL, not CAPACITY");
        spec("threat.credibility", 0.90, Range.UNIT, "credibility of threats before any goes unfulfilled");
        spec("threat.decay", 0.80, Range.UNIT, "factor on credibility per unfulfilled threat");
        spec("responseWindowDays", 30.0, Range.POSITIVE_DAYS, "days after a threat or deep strike in which a crossing answers it");
        spec("confidence.initial", 0.30, Range.UNIT, "observer confidence before any conveyor cycle");
        spec("confidence.growth", 0.75, Range.UNIT, "factor on the observer's remaining doubt per conveyor cycle");
        spec("discounted.below", 0.50, Range.UNIT, "credibility below which threats are discounted");
        spec("readsBounded.confidence", 0.60, Range.UNIT, "observer confidence from which it reads the adversary as bounded");
        spec("contain.credibility", 0.70, Range.UNIT, "severity times credibility of an open threat that makes the observer contain");
        spec("strain.threshold", 0.60, Range.UNIT, "strain from which the system cracks, inward or outward");
        spec("strain.perPressure", 0.02, Range.NON_NEGATIVE, "strain added per unit magnitude of pressure");
        spec("proxy.humanCostMin", 0.50, Range.UNIT, "proxy human cost from which risk counts as transferred");
        spec("observer.humanCostMax", 0.10, Range.UNIT, "observer human cost up to which risk counts as transferred");
        spec("longWar.signals", 2.0, Range.COUNT, "distinct observer signals for OBSERVER_EXPECTS_LONG_WAR");
        spec("risk.elevated", 0.25, Range.UNIT, "escalation risk from which the level is ELEVATED");
        spec("risk.high", 0.45, Range.UNIT, "escalation risk from which the level is HIGH");
        spec("risk.critical", 0.70, Range.UNIT, "escalation risk from which the level is CRITICAL");
    }

    private static void spec(String key, double value, Range range, String meaning) {
        SPECS.put(key, new Spec(value, range, meaning));
    }

    private static final Calibration DEFAULTS = new Calibration(defaultValues(), Map.of());

    private static Map<String, Double> defaultValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        SPECS.forEach((k, s) -> values.put(k, s.defaultValue()));
        return values;
    }

    private final Map<String, Double> values;
    /** Keys declared by rule packs, with their declared defaults; none in {@link #defaults()}. */
    private final Map<String, Double> packDefaults;

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

    private Calibration(Map<String, Double> values, Map<String, Double> packDefaults) {
        this.values = Collections.unmodifiableMap(values);
        this.packDefaults = Collections.unmodifiableMap(packDefaults);
        rtFinance = values.get("returnTicket.weight.finance");
        rtRecognition = values.get("returnTicket.weight.recognition");
        rtEliteAspiration = values.get("returnTicket.weight.eliteAspiration");
        rtNegotiability = values.get("returnTicket.weight.negotiability");
        wFrontline = values.get("humiliation.weight.frontline");
        wInfrastructure = values.get("humiliation.weight.infrastructure");
        wDeep = values.get("humiliation.weight.deep");
        wCapital = values.get("humiliation.weight.capital");
        relief = values.get("humiliation.relief");
        observerMultiplier = values.get("humiliation.observerMultiplier");
        halfLifeDays = values.get("humiliation.halfLifeDays");
        toleranceBase = values.get("tolerance.base");
        toleranceReturnTicket = values.get("tolerance.returnTicket");
        toleranceHardliner = values.get("tolerance.hardliner");
        erosionToHardliner = values.get("erosion.toHardliner");
        factionShiftThreshold = values.get("factionShift.threshold");
        boundedReturnTicketMin = values.get("bounded.returnTicketMin");
        boundedCapacityForWill = values.get("bounded.capacityForWill");
        threatCredibility = values.get("threat.credibility");
        threatDecay = values.get("threat.decay");
        responseWindowDays = values.get("responseWindowDays");
        confidenceInitial = values.get("confidence.initial");
        confidenceGrowth = values.get("confidence.growth");
        discountedBelow = values.get("discounted.below");
        readsBoundedConfidence = values.get("readsBounded.confidence");
        containCredibility = values.get("contain.credibility");
        strainThreshold = values.get("strain.threshold");
        strainPerPressure = values.get("strain.perPressure");
        proxyHumanCostMin = values.get("proxy.humanCostMin");
        observerHumanCostMax = values.get("observer.humanCostMax");
        longWarSignals = (int) Math.min(Integer.MAX_VALUE, values.get("longWar.signals"));
        riskElevated = values.get("risk.elevated");
        riskHigh = values.get("risk.high");
        riskCritical = values.get("risk.critical");
    }

    /** The defaults of MODEL.md. */
    public static Calibration defaults() {
        return DEFAULTS;
    }

    /** Every key, in the order of the contract. */
    public static Set<String> keys() {
        return Collections.unmodifiableSet(SPECS.keySet());
    }

    /** Whether {@code key} is a calibration key. */
    public static boolean isKey(String key) {
        return SPECS.containsKey(key);
    }

    /** What values a key declared by a rule pack accepts, for messages. */
    public static final String PACK_KEY_RANGE = "a finite number";

    /** What values {@code key} accepts. */
    public static Range range(String key) {
        return spec(key).range();
    }

    /** What {@code key} means, in a few words. */
    public static String meaning(String key) {
        return spec(key).meaning();
    }

    private static Spec spec(String key) {
        Spec spec = SPECS.get(Objects.requireNonNull(key, "key"));
        if (spec == null) {
            throw new IllegalArgumentException("unknown calibration key (" + key + "). "
                    + Suggestions.hint(key, SPECS.keySet(), "keys"));
        }
        return spec;
    }

    private IllegalArgumentException unknownKey(String key) {
        return new IllegalArgumentException("unknown calibration key (" + key + "). "
                + Suggestions.hint(key, values.keySet(), "keys")
                + (packDefaults.isEmpty() ? " A rule pack's own keys are known once the pack declares them "
                        + "(RulePack.calibration(), or calibration.properties next to its rules)." : ""));
    }

    /**
     * The value of {@code key}: a key of the model, or a key a rule pack declared (see
     * {@link #declare(Map)}). Rules read their pack's keys this way: {@code $c.get("maritime.windowDays")}.
     *
     * @throws IllegalArgumentException for a key that is neither, with the nearest keys suggested
     */
    public double get(String key) {
        Double v = values.get(Objects.requireNonNull(key, "key"));
        if (v == null) {
            throw unknownKey(key);
        }
        return v;
    }

    /** Every key with its value: the keys of the model in the order of the contract, then the keys packs declared. */
    public Map<String, Double> asMap() {
        return values;
    }

    /** The keys rule packs declared, with their declared defaults, in the order declared. */
    public Map<String, Double> packKeys() {
        return packDefaults;
    }

    /** The keys whose value differs from their default (of the model or of the pack that declared them). */
    public Map<String, Double> changes() {
        Map<String, Double> changed = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            Spec spec = SPECS.get(k);
            double d = spec != null ? spec.defaultValue() : packDefaults.get(k);
            if (Double.compare(v, d) != 0) {
                changed.put(k, v);
            }
        });
        return changed;
    }

    /**
     * A copy that also knows the calibration keys a rule pack declares, each at its default unless
     * this calibration already declared it. Declaring a key twice with the same default is harmless.
     *
     * <p>A pack's keys are plain numbers (any finite value); the pack's rules give them meaning.
     * Names are best namespaced by the pack ({@code maritime.escalationThreshold}).
     *
     * @throws IllegalArgumentException where a key is blank, is a key of the model, has a default
     *     that is not finite, or was declared before with another default
     */
    public Calibration declare(Map<String, Double> keysWithDefaults) {
        Objects.requireNonNull(keysWithDefaults, "keysWithDefaults");
        if (keysWithDefaults.isEmpty() || packDefaults.equals(keysWithDefaults)) {
            return this;
        }
        Map<String, Double> nextValues = new LinkedHashMap<>(values);
        Map<String, Double> nextDefaults = new LinkedHashMap<>(packDefaults);
        for (Map.Entry<String, Double> e : keysWithDefaults.entrySet()) {
            String key = Objects.requireNonNull(e.getKey(), "key");
            Double d = Objects.requireNonNull(e.getValue(), key);
            if (key.isBlank()) {
                throw new IllegalArgumentException("a pack's calibration key must not be blank");
            }
            if (SPECS.containsKey(key)) {
                throw new IllegalArgumentException("the calibration key '" + key + "' belongs to the model; a pack "
                        + "cannot declare it again. Maybe name the pack's key after the pack, like 'mypack." + key + "'.");
            }
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("the default of calibration key '" + key + "' must be a finite number (" + d + ")");
            }
            Double before = nextDefaults.putIfAbsent(key, d);
            if (before != null && Double.compare(before, d) != 0) {
                throw new IllegalArgumentException("the calibration key '" + key + "' is declared twice, with defaults "
                        + before + " and " + d + ". Maybe two packs use one name; give each pack's keys its own prefix.");
            }
            nextValues.putIfAbsent(key, d);
        }
        return new Calibration(nextValues, nextDefaults);
    }

    /**
     * A copy with {@code key} set to {@code value}.
     *
     * @throws IllegalArgumentException for an unknown key, a value outside the key's range, or
     *     risk bounds out of order
     */
    public Calibration with(String key, double value) {
        return with(Map.of(key, value));
    }

    /** A copy with every key of {@code changes} set; see {@link #with(String, double)}. */
    public Calibration with(Map<String, Double> changes) {
        Map<String, Double> next = new LinkedHashMap<>(values);
        for (Map.Entry<String, Double> e : changes.entrySet()) {
            if (packDefaults.containsKey(e.getKey())) {
                double v = Objects.requireNonNull(e.getValue(), e.getKey());
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("calibration key '" + e.getKey() + "' must be "
                            + PACK_KEY_RANGE + " (" + v + ")");
                }
                next.put(e.getKey(), v);
                continue;
            }
            if (!SPECS.containsKey(Objects.requireNonNull(e.getKey(), "key"))) {
                throw unknownKey(e.getKey());
            }
            Spec spec = spec(e.getKey());
            double v = Objects.requireNonNull(e.getValue(), e.getKey());
            if (!spec.range().accepts(v)) {
                throw new IllegalArgumentException("calibration key '" + e.getKey() + "' must be "
                        + spec.range().description() + " (" + v + ")");
            }
            next.put(e.getKey(), v);
        }
        double elevated = next.get("risk.elevated");
        double high = next.get("risk.high");
        double critical = next.get("risk.critical");
        if (!(elevated <= high && high <= critical)) {
            throw new IllegalArgumentException("risk bounds must rise: risk.elevated <= risk.high <= risk.critical ("
                    + elevated + ", " + high + ", " + critical + ")");
        }
        double rtWeights = next.get("returnTicket.weight.finance") + next.get("returnTicket.weight.recognition")
                + next.get("returnTicket.weight.eliteAspiration") + next.get("returnTicket.weight.negotiability");
        if (!(rtWeights > 0.0)) {
            throw new IllegalArgumentException("the return ticket weights must not all be 0. "
                    + "Maybe leave returnTicket.weight.* at their default of 1.");
        }
        return new Calibration(next, packDefaults);
    }

    // ---- accessors for rules ----

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
        return o instanceof Calibration other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        Map<String, Double> changed = changes();
        return changed.isEmpty() ? "Calibration[defaults]" : "Calibration[defaults with " + changed + "]";
    }
}
