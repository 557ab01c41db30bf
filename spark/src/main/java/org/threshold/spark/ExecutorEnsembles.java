package org.threshold.spark;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.Reasoner;
import org.threshold.ensemble.Ensemble;

/**
 * The reasoners and ensembles of one JVM (a driver's or an executor's), built lazily the first
 * time a task of a job needs them and shared by every later task of that job in this JVM: a
 * Drools knowledge base cannot be shipped, and building one (a fraction of a second from the
 * precompiled default pack, seconds from DRL) is not a cost to pay in every task. Keyed by content (the rules' text; the whole job), so that equal jobs share
 * them and a changed rule file never meets a stale reasoner. The last few of each are kept.
 * Thread-safe: tasks running at once in one executor wait for one build.
 */
public final class ExecutorEnsembles {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorEnsembles.class);

    /** How many reasoners, and how many ensembles, one JVM keeps. */
    static final int KEPT = 4;

    private static final Map<RulesSpec, Reasoner> REASONERS = lru();
    private static final Map<EnsembleJob, Ensemble> ENSEMBLES = lru();
    private static long reasonersBuilt;

    private ExecutorEnsembles() {
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(8, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > KEPT;
            }
        };
    }

    /**
     * The reasoner of these rules in this JVM, built on first use.
     *
     * @throws org.threshold.InvalidRulesException where a rule file does not compile
     */
    public static synchronized Reasoner reasoner(RulesSpec rules) {
        Reasoner r = REASONERS.get(rules);
        if (r == null) {
            long start = System.nanoTime();
            r = rules.build();
            reasonersBuilt++;
            REASONERS.put(rules, r);
            LOG.debug("built a reasoner of {} user pack(s) in {} ms", rules.packs().size(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return r;
    }

    /**
     * Keeps a reasoner the caller built of exactly these rules (the driver's, already checked), so
     * that tasks in this JVM use it instead of building their own.
     */
    public static synchronized void remember(RulesSpec rules, Reasoner reasoner) {
        REASONERS.putIfAbsent(rules, reasoner);
    }

    /**
     * The ensemble of this job in this JVM, built on first use, with the reasoner of its rules.
     *
     * @throws org.threshold.InvalidRulesException where a rule file does not compile
     * @throws org.threshold.InvalidScenarioException where the scenario is not valid
     * @throws IllegalArgumentException where the ensemble cannot be built from the scenario
     */
    public static synchronized Ensemble ensemble(EnsembleJob job) {
        Ensemble e = ENSEMBLES.get(job);
        if (e == null) {
            Reasoner r = reasoner(job.rules());
            e = Ensemble.of(r, job.scenario(r), job.options());
            ENSEMBLES.put(job, e);
            LOG.debug("built the ensemble of {}", job);
        }
        return e;
    }

    /** How many reasoners this JVM has built so far (for tests). */
    static synchronized long reasonersBuilt() {
        return reasonersBuilt;
    }
}
