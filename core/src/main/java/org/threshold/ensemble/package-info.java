/**
 * Ensembles: many draws of a scenario whose numbers are uncertain (its {@code uncertainty:}
 * section, {@link org.threshold.ensemble.Uncertainty}), each assessed by one shared reasoner.
 *
 * <p>{@link org.threshold.ensemble.Ensemble#of Ensemble.of(reasoner, scenario, options)} sets
 * up the rows to assess ({@link org.threshold.ensemble.Ensemble#assessments()}); each row depends
 * only on the seed and its index. {@link org.threshold.ensemble.Ensemble#run run(threads,
 * progress)} assesses them on this machine; {@link org.threshold.ensemble.Ensemble#evaluate
 * evaluate(from, to)} assesses a range anywhere, as a serializable
 * {@link org.threshold.ensemble.DrawResults}, and {@link org.threshold.ensemble.Ensemble#summarise
 * summarise(parts)} combines parts in any order into an
 * {@link org.threshold.ensemble.EnsembleSummary}, the same bit for bit however the rows were
 * split. {@link org.threshold.report.EnsembleReport} prints a summary as text or JSON.
 */
package org.threshold.ensemble;
