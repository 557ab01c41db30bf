package org.threshold.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.threshold.RulePack;
import org.threshold.RuleSource;

/**
 * The default rule pack: the essay model of MODEL.md. Registered through
 * {@link java.util.ServiceLoader}, so every {@code Threshold.builder()} loads it while this jar is on
 * the class path. Its rules ship both as DRL and precompiled to Drools' executable model.
 */
public final class EssayRulePack implements RulePack {

    /** The folder of the pack's DRL files on the class path. */
    public static final String FOLDER = "org/threshold/rules/essay/";

    /** The DRL files, one concern each, in the order of MODEL.md. */
    public static final List<String> FILES = List.of(
            "returnticket.drl", "factions.drl", "humiliation.drl", "restraint.drl", "credibility.drl",
            "confidence.drl", "strain.drl", "risk.drl", "adversary.drl", "observer.drl", "miscalibration.drl");

    private static final String MODEL_INDEX = "META-INF/kie/org.threshold/threshold-rules/drools-model";

    @Override
    public String name() {
        return "essay";
    }

    @Override
    public List<RuleSource> sources() {
        List<RuleSource> sources = new ArrayList<>();
        for (String file : FILES) {
            String resource = FOLDER + file;
            try (InputStream in = EssayRulePack.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the default rule pack lacks " + resource);
                }
                sources.add(new RuleSource("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
