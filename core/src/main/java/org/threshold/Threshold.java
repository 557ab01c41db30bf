package org.threshold;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Consumer;

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

    /** The default time limit of one assessment (or one simulated day): 10 seconds. */
    public static final Duration DEFAULT_TIMEOUT = DefaultReasoner.DEFAULT_TIMEOUT;

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
        private Duration timeout = DEFAULT_TIMEOUT;
        private Consumer<RuleFailureException> onStuck;

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
         * The longest one assessment (or one simulated day) may take (default 10 seconds). Past it
         * the engine is stopped between two rule firings, and the assessment fails with a
         * {@link RuleFailureException} naming the rule that was running; a rule waiting or sleeping
         * is interrupted. A rule whose action is stuck in Java code (a loop that never ends) cannot
         * be stopped: the assessing thread stays blocked, and the failure goes to
         * {@link #onStuck(Consumer)} instead.
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive (" + timeout + ")");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * What to do when a rule's action does not return past the time limit and cannot be
         * stopped: the handler gets the failure, naming the rule, on the watchdog's thread (the
         * assessing thread stays blocked in the rule). A program may exit, as the command line
         * does. Without a handler the failure is only logged, at ERROR.
         */
        public Builder onStuck(Consumer<RuleFailureException> handler) {
            this.onStuck = Objects.requireNonNull(handler, "handler");
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
            return new DefaultReasoner(all, maxFirings, timeout, onStuck);
        }
    }
}
