package org.threshold.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.threshold.Calibration;
import org.threshold.CalibrationKey;
import org.threshold.Reasoner;
import org.threshold.RulePack;
import org.threshold.RuleSource;
import org.threshold.Threshold;

/**
 * The rules of a job as text, so that they travel to a cluster's executors: a Drools knowledge
 * base cannot be serialised, so each executor builds its reasoner from these (once per JVM, see
 * {@link ExecutorEnsembles}). The default packs travel as a flag: they are on every executor's
 * class path, in the job's jar.
 *
 * @param defaultPacks whether the packs registered on the class path are loaded
 * @param packs the user's packs ({@code --rules}), in load order, read on the driver
 * @param maxFirings the most rule firings one assessment may take
 * @param timeout the longest one assessment may take
 */
public record RulesSpec(boolean defaultPacks, List<Pack> packs, int maxFirings, Duration timeout) implements Serializable {

    private static final long serialVersionUID = 1L;

    public RulesSpec {
        packs = List.copyOf(packs);
        Objects.requireNonNull(timeout, "timeout");
    }

    /** These rules with the default time limit. */
    public RulesSpec(boolean defaultPacks, List<Pack> packs, int maxFirings) {
        this(defaultPacks, packs, maxFirings, Threshold.DEFAULT_TIMEOUT);
    }

    /**
     * One pack's files and calibration keys.
     *
     * @param name the pack's name, as messages show it
     * @param files its DRL files, in load order
     * @param calibration the calibration keys it declares, each with its default, valid values and
     *     meaning, in its order
     */
    public record Pack(String name, List<DrlFile> files, List<Key> calibration) implements Serializable {

        private static final long serialVersionUID = 2L;

        public Pack {
            Objects.requireNonNull(name, "name");
            files = List.copyOf(files);
            calibration = List.copyOf(calibration);
        }

        /** The text of a pack, as read (on the driver). */
        static Pack of(RulePack pack) {
            List<DrlFile> files = new ArrayList<>();
            for (RuleSource s : pack.sources()) {
                files.add(new DrlFile(s.name(), s.drl()));
            }
            List<Key> keys = new ArrayList<>();
            for (CalibrationKey k : pack.calibration()) {
                keys.add(Key.of(k));
            }
            return new Pack(pack.name(), files, keys);
        }

        RulePack toPack() {
            List<RuleSource> sources = new ArrayList<>();
            for (DrlFile f : files) {
                sources.add(new RuleSource(f.name(), f.drl()));
            }
            List<CalibrationKey> keys = new ArrayList<>();
            for (Key k : calibration) {
                keys.add(k.toKey());
            }
            return RulePack.of(name, sources, keys);
        }
    }

    /**
     * One calibration key a pack declares, as it travels ({@link CalibrationKey} is not serialisable).
     *
     * @param name the key
     * @param defaultValue its default
     * @param valid its valid values
     * @param meaning what it means, in a few words
     */
    public record Key(String name, double defaultValue, Calibration.Range valid, String meaning) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Key {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(valid, "valid");
            Objects.requireNonNull(meaning, "meaning");
        }

        static Key of(CalibrationKey k) {
            return new Key(k.name(), k.defaultValue(), k.valid(), k.meaning());
        }

        CalibrationKey toKey() {
            return new CalibrationKey(name, defaultValue, valid, meaning);
        }
    }

    /**
     * One DRL file.
     *
     * @param name where it came from (a path on the driver's machine), for messages
     * @param drl its text
     */
    public record DrlFile(String name, String drl) implements Serializable {

        private static final long serialVersionUID = 1L;

        public DrlFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(drl, "drl");
        }
    }

    /**
     * The rules of {@code threshold ensemble --rules PATH... [--no-default-rules] [--max-firings N]}:
     * each path read now, as the local command reads it.
     *
     * @throws org.threshold.InvalidRulesException where a path is missing or holds no rules
     */
    public static RulesSpec read(boolean defaultPacks, List<Path> rules, int maxFirings) {
        List<Pack> packs = new ArrayList<>();
        for (Path p : rules) {
            packs.add(Pack.of(RulePack.fromPath(p)));
        }
        return new RulesSpec(defaultPacks, packs, maxFirings);
    }

    /**
     * A new reasoner of these rules, built as {@code Threshold.builder()} builds the local
     * command's: the default packs (unless left out), then the user's in order, with the same
     * firing and time limits. A rule stuck in Java code past the time limit cannot be stopped;
     * on an executor it blocks its task and is logged at ERROR there (the driver, by contrast,
     * ends the program as the local command does).
     *
     * @throws org.threshold.InvalidRulesException where a rule file does not compile
     */
    public Reasoner build() {
        Threshold.Builder builder = Threshold.builder().defaultPacks(defaultPacks).maxFirings(maxFirings).timeout(timeout);
        for (Pack p : packs) {
            builder.pack(p.toPack());
        }
        return builder.build();
    }
}
