package org.threshold.ensemble;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an ensemble found: how often each posture, risk level and conclusion held, how each metric
 * spread, and (with sensitivity) which uncertain parameters drive each uncertain output. Made by
 * {@link Ensemble#summarise(java.util.Collection)} from the rows in index order, so equal for
 * equal scenario, options and seed, however the work was split.
 *
 * @param scenario the scenario's name
 * @param asOf its day
 * @param samples the samples asked for (base draws with sensitivity)
 * @param seed the seed
 * @param assessments the draws assessed
 * @param parameters the uncertain parameters with their distributions
 * @param draws the draws the shares and metric summaries come from (with sensitivity, the 2N of A and B)
 * @param posture the share of draws with each posture, every value listed
 * @param riskLevel the share of draws with each risk level, every value listed
 * @param conclusions every conclusion the packs name, with its share and 95 % Wilson interval
 * @param metrics every metric's mean, sd and nearest-rank percentiles
 * @param sensitivity with sensitivity: for each conclusion that holds in some draws but not all, and
 *     for {@code escalationRisk}, the Sobol indices of every parameter, highest total first; else empty
 * @param splits for each conclusion that holds in some draws but not all, each parameter's best
 *     single split (strongest first)
 * @param boxes for each conclusion that holds in some draws but not all, the simplest box of at
 *     most three parameter ranges where it holds in at least 80 % of the draws (scenario discovery
 *     in the spirit of PRIM); null where none reaches that density
 * @param sensitivityRequested whether sensitivity was asked for
 */
public record EnsembleSummary(
        String scenario,
        LocalDate asOf,
        long samples,
        long seed,
        long assessments,
        Uncertainty parameters,
        long draws,
        Map<String, Double> posture,
        Map<String, Double> riskLevel,
        Map<String, Share> conclusions,
        Map<String, MetricSummary> metrics,
        Map<String, List<SobolIndex>> sensitivity,
        Map<String, List<Split>> splits,
        Map<String, Box> boxes,
        boolean sensitivityRequested) implements Serializable {

    private static final long serialVersionUID = 1L;

    public EnsembleSummary {
        posture = frozen(posture);
        riskLevel = frozen(riskLevel);
        conclusions = frozen(conclusions);
        metrics = frozen(metrics);
        sensitivity = frozen(sensitivity);
        splits = frozen(splits);
        boxes = Collections.unmodifiableMap(new LinkedHashMap<>(boxes));
    }

    private static <K, V> Map<K, V> frozen(Map<K, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * How often a conclusion held.
     *
     * @param holds the draws where it held
     * @param draws the draws
     * @param probability holds / draws
     * @param low the low end of the 95 % Wilson score interval
     * @param high its high end
     */
    public record Share(long holds, long draws, double probability, double low, double high) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * How a metric spread over the draws (those where the rules computed it).
     *
     * @param mean the mean
     * @param sd the sample standard deviation
     * @param p05 the 5th percentile (nearest rank)
     * @param p50 the median (nearest rank)
     * @param p95 the 95th percentile (nearest rank)
     */
    public record MetricSummary(double mean, double sd, double p05, double p50, double p95) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * One parameter's Sobol indices for one output, with 95 % bootstrap intervals.
     *
     * @param parameter the parameter's path
     * @param first the first-order index (Saltelli 2010)
     * @param total the total-order index (Jansen 1999)
     * @param firstLow low end of the first-order interval
     * @param firstHigh its high end
     * @param totalLow low end of the total-order interval
     * @param totalHigh its high end
     */
    public record SobolIndex(String parameter, double first, double total, double firstLow, double firstHigh,
            double totalLow, double totalHigh) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The single cut of one parameter that best separates the draws where a conclusion holds from
     * those where it does not (most between-group variance), among the parameter's percentiles.
     *
     * @param parameter the parameter's path
     * @param threshold the cut: "above" is {@code > threshold}, "below" is {@code <= threshold}
     * @param above the share of draws above the cut where the conclusion holds
     * @param aboveDraws the draws above the cut
     * @param below the share of draws at or below the cut where it holds
     * @param belowDraws the draws at or below the cut
     */
    public record Split(String parameter, double threshold, double above, long aboveDraws, double below,
            long belowDraws) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A box of parameter ranges where a conclusion mostly holds.
     *
     * @param ranges the ranges, at most three, in the order of the parameters
     * @param density the share of draws inside the box where the conclusion holds
     * @param coverage the share of all draws where it holds that lie inside the box
     * @param support the share of draws inside the box
     * @param draws the draws the box was found on (the first, in index order, up to 20,000)
     */
    public record Box(List<Range> ranges, double density, double coverage, double support, long draws)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        public Box {
            ranges = List.copyOf(ranges);
        }
    }

    /**
     * One parameter's range in a box: values above {@code above} (where given) and below
     * {@code below} (where given), both ends excluded.
     *
     * @param parameter the parameter's path
     * @param above the low end, or null for none
     * @param below the high end, or null for none
     */
    public record Range(String parameter, Double above, Double below) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
