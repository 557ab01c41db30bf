package org.threshold.spark;

import java.io.Serializable;
import java.util.Objects;

import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.ensemble.EnsembleOptions;
import org.threshold.scenario.ScenarioReader;

/**
 * Everything an executor needs to assess its share of an ensemble, as text and numbers: the
 * scenario file's text, the rules' text and the options. Its content is its identity: equal jobs
 * share one reasoner and one ensemble per executor JVM ({@link ExecutorEnsembles}).
 *
 * @param scenarioSource the scenario file's name, for messages
 * @param scenarioText the scenario file's text
 * @param rules the rules
 * @param options samples, seed and sensitivity
 */
public record EnsembleJob(String scenarioSource, String scenarioText, RulesSpec rules, EnsembleOptions options)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public EnsembleJob {
        Objects.requireNonNull(scenarioSource, "scenarioSource");
        Objects.requireNonNull(scenarioText, "scenarioText");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(options, "options");
    }

    /**
     * The scenario, read from its text against the reasoner's calibration keys.
     *
     * @throws org.threshold.InvalidScenarioException where the text is not a valid scenario
     */
    public Scenario scenario(Reasoner reasoner) {
        return ScenarioReader.read(scenarioSource, scenarioText, reasoner.calibrationKeys());
    }

    /** A short description for logs: the job's identity without its texts. */
    @Override
    public String toString() {
        return "EnsembleJob[" + scenarioSource + " (" + scenarioText.length() + " chars), " + rules.packs().size()
                + " user pack(s), default packs " + rules.defaultPacks() + ", " + options + "]";
    }
}
