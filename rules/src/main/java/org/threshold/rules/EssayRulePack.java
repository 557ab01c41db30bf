package org.threshold.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.threshold.Calibration;
import org.threshold.CalibrationCheck;
import org.threshold.CalibrationFile;
import org.threshold.CalibrationKey;
import org.threshold.RulePack;
import org.threshold.RuleSource;

/**
 * The default rule pack: the essay model of MODEL.md. Registered through
 * {@link java.util.ServiceLoader}, so every {@code Threshold.builder()} loads it while this jar is on
 * the class path. Its rules ship both as DRL and precompiled to Drools' executable model.
 *
 * <p>It plugs in as any pack does: its calibration keys, with their defaults, valid values and
 * meanings, are declared in its {@value RulePack#CALIBRATION_FILE} (read as
 * {@link RulePack#fromClasspath} reads a user's), and its rules read them through
 * {@link EssayCalibration}, inserted beside each assessment's calibration.
 */
public final class EssayRulePack implements RulePack {

    /** The folder of the pack's DRL files on the class path. */
    public static final String FOLDER = "org/threshold/rules/essay/";

    /** The DRL files, one concern each, in the order of MODEL.md. */
    public static final List<String> FILES = List.of(
            "returnticket.drl", "factions.drl", "humiliation.drl", "restraint.drl", "credibility.drl",
            "confidence.drl", "strain.drl", "risk.drl", "adversary.drl", "observer.drl", "miscalibration.drl");

    private static final String MODEL_INDEX = "META-INF/kie/org.threshold/threshold-rules/drools-model";

    /** The pack's calibration keys, from its calibration file. */
    private static final List<CalibrationKey> KEYS = CalibrationFile.read("classpath:" + FOLDER + CALIBRATION_FILE,
            resource(FOLDER + CALIBRATION_FILE));

    /** The risk bounds rise: risk.elevated <= risk.high <= risk.critical. */
    private static final CalibrationCheck RISK_BOUNDS_RISE = c -> {
        double elevated = c.get("risk.elevated");
        double high = c.get("risk.high");
        double critical = c.get("risk.critical");
        if (!(elevated <= high && high <= critical)) {
            throw new IllegalArgumentException("risk bounds must rise: risk.elevated <= risk.high <= risk.critical ("
                    + elevated + ", " + high + ", " + critical + ")");
        }
    };

    /** The return ticket's weights are not all 0. */
    private static final CalibrationCheck RETURN_TICKET_WEIGHED = c -> {
        double rtWeights = c.get("returnTicket.weight.finance") + c.get("returnTicket.weight.recognition")
                + c.get("returnTicket.weight.eliteAspiration") + c.get("returnTicket.weight.negotiability");
        if (!(rtWeights > 0.0)) {
            throw new IllegalArgumentException("the return ticket weights must not all be 0. "
                    + "Maybe leave returnTicket.weight.* at their default of 1.");
        }
    };

    private static final List<CalibrationCheck> CHECKS = List.of(RISK_BOUNDS_RISE, RETURN_TICKET_WEIGHED);

    /** The columns of a timeline's text report: confidence Q, risk R, humiliation H. */
    private static final Map<String, String> TIMELINE_METRICS;

    static {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("Q", EssayModel.OBSERVER_CONFIDENCE);
        columns.put("R", EssayModel.ESCALATION_RISK);
        columns.put("H", EssayModel.HUMILIATION);
        TIMELINE_METRICS = java.util.Collections.unmodifiableMap(columns);
    }

    private static String resource(String resource) {
        try (InputStream in = EssayRulePack.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the default rule pack lacks " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "essay";
    }

    @Override
    public List<RuleSource> sources() {
        List<RuleSource> sources = new ArrayList<>();
        for (String file : FILES) {
            String resource = FOLDER + file;
            sources.add(new RuleSource("classpath:" + resource, resource(resource)));
        }
        return sources;
    }

    @Override
    public List<String> metrics() {
        return EssayModel.METRICS;
    }

    @Override
    public List<String> conclusions() {
        return EssayModel.CONCLUSIONS;
    }

    @Override
    public List<CalibrationKey> calibration() {
        return KEYS;
    }

    @Override
    public List<CalibrationCheck> calibrationChecks() {
        return CHECKS;
    }

    /** The {@link EssayCalibration} of the assessment's calibration, made once per calibration. */
    @Override
    public List<Object> calibrationFacts(Calibration calibration) {
        return List.of(EssayCalibration.of(calibration));
    }

    /** {@code responseWindowDays}: a threat or deep strike not answered within it counts as unanswered. */
    @Override
    public OptionalDouble answerWindowDays(Calibration calibration) {
        return OptionalDouble.of(calibration.get("responseWindowDays"));
    }

    @Override
    public Map<String, String> timelineMetrics() {
        return TIMELINE_METRICS;
    }

    @Override
    public boolean concludesPosture() {
        return true;
    }

    @Override
    public boolean concludesRiskLevel() {
        return true;
    }

    @Override
    public Optional<String> executableModelIndex() {
        return Optional.of(MODEL_INDEX);
    }

    /** The same pack without its precompiled model, so that its DRL is compiled when the reasoner is built. */
    public static RulePack fromDrl() {
        EssayRulePack pack = new EssayRulePack();
        return new RulePack() {
            @Override
            public String name() {
                return pack.name();
            }

            @Override
            public List<RuleSource> sources() {
                return pack.sources();
            }

            @Override
            public List<String> metrics() {
                return pack.metrics();
            }

            @Override
            public List<String> conclusions() {
                return pack.conclusions();
            }

            @Override
            public List<CalibrationKey> calibration() {
                return pack.calibration();
            }

            @Override
            public List<CalibrationCheck> calibrationChecks() {
                return pack.calibrationChecks();
            }

            @Override
            public List<Object> calibrationFacts(Calibration calibration) {
                return pack.calibrationFacts(calibration);
            }

            @Override
            public OptionalDouble answerWindowDays(Calibration calibration) {
                return pack.answerWindowDays(calibration);
            }

            @Override
            public Map<String, String> timelineMetrics() {
                return pack.timelineMetrics();
            }

            @Override
            public boolean concludesPosture() {
                return true;
            }

            @Override
            public boolean concludesRiskLevel() {
                return true;
            }
        };
    }
}
