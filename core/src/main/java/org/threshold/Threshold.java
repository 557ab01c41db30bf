package org.threshold;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

import org.threshold.impl.DefaultReasoner;

/**
 * The front door: {@code Threshold.builder().build()} gives a {@link Reasoner} with the default
 * rule packs found on the class path; add or replace packs on the builder.
 *
 * <pre>{@code
 * Reasoner reasoner = Threshold.builder()
 *         .rules(Path.of("my-rules.drl"))
 *         .build();
 * Assessment a = reasoner.assess(ScenarioReader.read(Path.of("scenario.yaml")));
 * }</pre>
 */
public final class Threshold {

    /** The default limit on rule firings per assessment. */
    public static final int DEFAULT_MAX_FIRINGS = 100_000;

    private Threshold() {
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rule packs registered on the class path through {@link ServiceLoader}. */
    public static List<RulePack> discoveredPacks() {
        List<RulePack> packs = new ArrayList<>();
        ServiceLoader.load(RulePack.class, Threshold.class.getClassLoader()).forEach(packs::add);
        return packs;
    }

    /** Configures and builds a {@link Reasoner}. */
    public static final class Builder {
        private boolean defaultPacks = true;
        private final List<RulePack> packs = new ArrayList<>();
        private int maxFirings = DEFAULT_MAX_FIRINGS;

        private Builder() {
        }

        /** Whether to load the packs registered on the class path (default true). */
        public Builder defaultPacks(boolean load) {
            this.defaultPacks = load;
            return this;
        }

        /** Adds a pack on top of the others. */
        public Builder pack(RulePack pack) {
            packs.add(Objects.requireNonNull(pack, "pack"));
            return this;
        }

        /**
         * Adds the DRL file at each path, or every {@code .drl} under each folder.
         *
         * @throws InvalidRulesException at once where a path is missing or holds no rules
         */
        public Builder rules(Path... paths) {
            for (Path p : paths) {
                packs.add(RulePack.fromPath(p));
            }
            return this;
        }

        /**
         * The most rule firings one assessment may take (default {@value #DEFAULT_MAX_FIRINGS});
         * reaching it fails the assessment as a runaway.
         */
        public Builder maxFirings(int maxFirings) {
            if (maxFirings <= 0) {
                throw new IllegalArgumentException("maxFirings must be positive (" + maxFirings + ")");
            }
            this.maxFirings = maxFirings;
            return this;
        }

        /**
         * Builds the reasoner and its knowledge base.
         *
         * @throws InvalidRulesException where a rule file does not compile, listing every error
         * @throws IllegalStateException where there are no packs at all
         */
        public Reasoner build() {
            List<RulePack> all = new ArrayList<>();
            if (defaultPacks) {
                all.addAll(discoveredPacks());
            }
            all.addAll(packs);
            if (all.isEmpty()) {
                throw new IllegalStateException("no rule packs: none was found on the class path and none was added. "
                        + "Maybe add threshold-rules to the class path, or call pack(...) or rules(...).");
            }
            return new DefaultReasoner(all, maxFirings);
        }
    }
}
