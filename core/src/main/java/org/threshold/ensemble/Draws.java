package org.threshold.ensemble;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;
import org.apache.commons.statistics.distribution.UniformDiscreteDistribution;
import org.threshold.Calibration;
import org.threshold.Scenario;
import org.threshold.fact.Capacity;
import org.threshold.fact.Event;
import org.threshold.fact.Faction;
import org.threshold.fact.HumanCost;
import org.threshold.fact.Party;
import org.threshold.fact.Pressure;
import org.threshold.fact.Retaliation;
import org.threshold.fact.ReturnTicket;
import org.threshold.fact.Strain;
import org.threshold.fact.Strike;
import org.threshold.fact.Threat;

/**
 * Turns uniform numbers into parameter values (by the inverse CDF of each distribution, truncated
 * to the parameter's valid values for a normal) and parameter values into a scenario.
 *
 * <p>The uniform numbers of a row come from a generator seeded from (seed, row) alone: a
 * XoRoShiRo128++ whose two state words are outputs {@code 2r + 1} and {@code 2r + 2} of the
 * SplitMix64 sequence started at the seed's first SplitMix64 output (SplitMix64 steps its state
 * by a fixed odd increment and mixes it, so any output is reached in one step and no two rows
 * share a state). Any split of
 * the work therefore draws the same values for the same row. Thread-safe.
 */
final class Draws {

    /** The increment of SplitMix64, the odd integer nearest 2^64 / golden ratio. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Separates the bootstrap's generators from the draws'. */
    private static final long BOOTSTRAP_STREAM = 0x632BE59BD9B4E019L;

    private enum Kind { CAPACITY, RETURN_TICKET, STRAIN, FACTION, COST, EVENT, CALIBRATION }

    private record Target(Kind kind, int index, String key) {
    }

    private final Scenario scenario;
    private final List<String> paths;
    private final List<Distribution> distributions;
    private final Target[] targets;
    private final ContinuousDistribution[] continuous;
    private final UniformDiscreteDistribution[] discrete;
    private final double[] constants;
    private final ParameterDomain[] domains;

    Draws(Scenario scenario) {
        this.scenario = scenario;
        this.paths = List.copyOf(scenario.uncertainty().parameters().keySet());
        this.distributions = List.copyOf(scenario.uncertainty().parameters().values());
        int p = paths.size();
        targets = new Target[p];
        continuous = new ContinuousDistribution[p];
        discrete = new UniformDiscreteDistribution[p];
        constants = new double[p];
        domains = new ParameterDomain[p];
        for (int j = 0; j < p; j++) {
            String path = paths.get(j);
            targets[j] = target(scenario, path);
            ParameterDomain domain = ParameterDomain.of(path);
            domains[j] = domain;
            Distribution d = distributions.get(j);
            constants[j] = Double.NaN;
            if (d instanceof Distribution.Uniform u) {
                if (u.low() == u.high()) {
                    constants[j] = u.low();
                } else {
                    continuous[j] = UniformContinuousDistribution.of(u.low(), u.high());
                }
            } else if (d instanceof Distribution.Triangular t) {
                if (t.low() == t.high()) {
                    constants[j] = t.low();
                } else {
                    continuous[j] = TriangularDistribution.of(t.low(), t.mode(), t.high());
                }
            } else if (d instanceof Distribution.Normal n) {
                double lower = domain.low() == -Double.MAX_VALUE ? Double.NEGATIVE_INFINITY : domain.low();
                double upper = domain.high() == Double.MAX_VALUE ? Double.POSITIVE_INFINITY : domain.high();
                continuous[j] = TruncatedNormalDistribution.of(n.mean(), n.sd(), lower, upper);
            } else if (d instanceof Distribution.Choice c) {
                if (c.values().size() == 1) {
                    constants[j] = c.values().get(0);
                } else {
                    discrete[j] = UniformDiscreteDistribution.of(0, c.values().size() - 1);
                }
            }
        }
    }

    /** The uncertain parameters' paths, in file order. */
    List<String> paths() {
        return paths;
    }

    int size() {
        return paths.size();
    }

    /** The generator of uniform numbers for {@code row} of the draws seeded with {@code seed}. */
    static UniformRandomProvider generator(long seed, long row) {
        return seeded(seed, row);
    }

    /** The generator of the bootstrap's replicate {@code replicate}, seeded with {@code seed}. */
    static UniformRandomProvider bootstrapGenerator(long seed, long replicate) {
        return seeded(seed ^ BOOTSTRAP_STREAM, replicate);
    }

    private static UniformRandomProvider seeded(long seed, long row) {
        // the seed is mixed first, so that seeds a multiple of the increment apart share no rows
        long base = new SplitMix64(seed).nextLong();
        SplitMix64 mixer = new SplitMix64(base + 2 * row * GOLDEN);
        return new XoRoShiRo128PlusPlus(new long[] {mixer.nextLong(), mixer.nextLong()});
    }

    /** A uniform number in the open interval (0, 1): 53 random bits, centred in their cell. */
    static double open01(UniformRandomProvider rng) {
        return ((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    /** The value of parameter {@code j} at the uniform number {@code u} in (0, 1). */
    double value(int j, double u) {
        if (!Double.isNaN(constants[j])) {
            return constants[j];
        }
        if (discrete[j] != null) {
            return ((Distribution.Choice) distributions.get(j)).values().get(discrete[j].inverseCumulativeProbability(u));
        }
        double x = continuous[j].inverseCumulativeProbability(u);
        ParameterDomain domain = domains[j];
        if (x < domain.low() || (domain.lowExcluded() && x == domain.low())) {
            x = domain.lowExcluded() ? Math.nextUp(domain.low()) : domain.low();
        } else if (x > domain.high()) {
            x = domain.high();
        }
        return x;
    }

    /** The scenario with each uncertain parameter at its value in {@code values}. */
    Scenario apply(double[] values) {
        Scenario s = scenario;
        double capacity = s.capacity().value();
        ReturnTicket rt = s.returnTicket();
        double[] ticket = {rt.finance(), rt.recognition(), rt.eliteAspiration(), rt.negotiability()};
        Strain st = s.strain();
        double[] strain = {st.budget(), st.legitimacy(), st.recruitment(), st.eliteCohesion()};
        List<Faction> factions = s.factions();
        Map<Party, HumanCost> costs = s.costs();
        List<Event> events = s.events();
        Map<String, Double> calibration = null;
        boolean ticketChanged = false;
        boolean strainChanged = false;
        for (int j = 0; j < targets.length; j++) {
            Target t = targets[j];
            double x = values[j];
            switch (t.kind()) {
                case CAPACITY -> capacity = x;
                case RETURN_TICKET -> {
                    ticket[t.index()] = x;
                    ticketChanged = true;
                }
                case STRAIN -> {
                    strain[t.index()] = x;
                    strainChanged = true;
                }
                case FACTION -> {
                    if (factions == s.factions()) {
                        factions = new ArrayList<>(factions);
                    }
                    Faction f = factions.get(t.index());
                    factions.set(t.index(), new Faction(f.name(), f.stance(), x));
                }
                case COST -> {
                    if (costs == s.costs()) {
                        costs = new EnumMap<>(costs);
                    }
                    Party party = Party.values()[t.index()];
                    costs.put(party, new HumanCost(party, x));
                }
                case EVENT -> {
                    if (events == s.events()) {
                        events = new ArrayList<>(events);
                    }
                    events.set(t.index(), withScore(events.get(t.index()), x));
                }
                case CALIBRATION -> {
                    if (calibration == null) {
                        calibration = new LinkedHashMap<>();
                    }
                    calibration.put(t.key(), x);
                }
            }
        }
        Calibration c = calibration == null ? s.calibration() : s.calibration().with(calibration);
        return new Scenario(s.name(), s.asOf(), new Capacity(capacity),
                ticketChanged ? new ReturnTicket(ticket[0], ticket[1], ticket[2], ticket[3]) : rt, factions,
                strainChanged ? new Strain(strain[0], strain[1], strain[2], strain[3]) : st, s.signals(), costs, events, c,
                s.policy());
    }

    private static Target target(Scenario s, String path) {
        switch (path) {
            case "adversary.capacity":
                return new Target(Kind.CAPACITY, 0, path);
            case "adversary.returnTicket.finance":
                return new Target(Kind.RETURN_TICKET, 0, path);
            case "adversary.returnTicket.recognition":
                return new Target(Kind.RETURN_TICKET, 1, path);
            case "adversary.returnTicket.eliteAspiration":
                return new Target(Kind.RETURN_TICKET, 2, path);
            case "adversary.returnTicket.negotiability":
                return new Target(Kind.RETURN_TICKET, 3, path);
            case "adversary.strain.budget":
                return new Target(Kind.STRAIN, 0, path);
            case "adversary.strain.legitimacy":
                return new Target(Kind.STRAIN, 1, path);
            case "adversary.strain.recruitment":
                return new Target(Kind.STRAIN, 2, path);
            case "adversary.strain.eliteCohesion":
                return new Target(Kind.STRAIN, 3, path);
            default:
                break;
        }
        if (path.startsWith("factions.") && path.endsWith(".influence")) {
            String name = path.substring("factions.".length(), path.length() - ".influence".length());
            for (int i = 0; i < s.factions().size(); i++) {
                if (s.factions().get(i).name().equals(name)) {
                    return new Target(Kind.FACTION, i, path);
                }
            }
        }
        if (path.startsWith("costs.") && path.endsWith(".human")) {
            String party = path.substring("costs.".length(), path.length() - ".human".length()).toUpperCase(Locale.ROOT);
            for (Party p : Party.values()) {
                if (p.name().equals(party)) {
                    return new Target(Kind.COST, p.ordinal(), path);
                }
            }
        }
        if (path.startsWith("events[")) {
            int close = path.indexOf(']');
            return new Target(Kind.EVENT, Integer.parseInt(path.substring("events[".length(), close)), path);
        }
        if (s.calibration().asMap().containsKey(path)) {
            return new Target(Kind.CALIBRATION, 0, path);
        }
        throw new IllegalArgumentException("no parameter '" + path + "' in scenario '" + s.name() + "'");
    }

    private static Event withScore(Event e, double x) {
        if (e instanceof Strike k) {
            return new Strike(k.day(), k.by(), k.target(), x);
        } else if (e instanceof Threat t) {
            return new Threat(t.day(), x);
        } else if (e instanceof Retaliation r) {
            return new Retaliation(r.day(), x);
        } else if (e instanceof Pressure p) {
            return new Pressure(p.day(), p.kind(), x);
        }
        throw new IllegalArgumentException("no score to set on " + e);
    }
}
