package org.threshold;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The numbers the rules read, by the keys of the scenario file's {@code calibration:} section.
 *
 * <p>The core declares no key of its own: every key comes from a rule pack, with its default,
 * its valid values and its meaning ({@link CalibrationKey}; see {@link RulePack#calibration()}).
 * {@link #defaults()} holds the keys of the packs registered on the class path (the default
 * pack, where {@code threshold-rules} is there), each at its default; {@link #declare(Collection)}
 * adds the keys of other packs; {@link #with(String, double)} returns a copy with one key changed.
 * Instances are immutable and thread-safe.
 *
 * <p>Rules read a key with {@code $c.get("maritime.windowDays")}, or through a typed view a pack
 * makes once per calibration ({@link #view(Class, Function)}).
 */
public final class Calibration {

    /** What values a key accepts. */
    public enum Range {
        /** A score: a number in [0, 1]. */
        UNIT("a number in [0, 1]", "score"),
        /** A finite number of at least 0. */
        NON_NEGATIVE("a finite number >= 0", "non-negative"),
        /** A finite number of days above 0. */
        POSITIVE_DAYS("a finite number of days > 0", "positive days"),
        /** A whole number of at least 0. */
        COUNT("a whole number >= 0", "whole number"),
        /** Any finite number. */
        FINITE("a finite number", "any number");

        private final String description;
        private final String token;

        Range(String description, String token) {
            this.description = description;
            this.token = token;
        }

        /** Words for an error message, such as "a number in [0, 1]". */
        public String description() {
            return description;
        }

        /** How a {@value RulePack#CALIBRATION_FILE} file names it, such as {@code score}. */
        public String token() {
            return token;
        }

        /** Whether {@code v} is one of these values. */
        public boolean accepts(double v) {
            return switch (this) {
                case UNIT -> v >= 0.0 && v <= 1.0;
                case NON_NEGATIVE -> Double.isFinite(v) && v >= 0.0;
                case POSITIVE_DAYS -> Double.isFinite(v) && v > 0.0;
                case COUNT -> Double.isFinite(v) && v >= 0.0 && v == Math.rint(v);
                case FINITE -> Double.isFinite(v);
            };
        }

        /** The range a file names {@code token} ({@code score}, {@code non-negative}, ...), if any. */
        public static java.util.Optional<Range> ofToken(String token) {
            String t = token.strip().toLowerCase(Locale.ROOT);
            for (Range r : values()) {
                if (r.token.equals(t)) {
                    return java.util.Optional.of(r);
                }
            }
            return java.util.Optional.empty();
        }
    }

    private static final Calibration EMPTY = new Calibration(Map.of(), Map.of(), List.of());

    /** The calibration of the packs on the class path, made when first asked for. */
    private static final class Defaults {
        static final Calibration DEFAULTS = discovered();

        private static Calibration discovered() {
            Calibration c = EMPTY;
            for (RulePack pack : Threshold.discoveredPacks()) {
                try {
                    c = c.declare(pack);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("rule pack '" + pack.name() + "' on the class path: " + e.getMessage(), e);
                }
            }
            return c;
        }
    }

    private final Map<String, CalibrationKey> keys;
    private final Map<String, Double> values;
    private final List<CalibrationCheck> checks;
    private final Map<Class<?>, Object> views = new ConcurrentHashMap<>(4);

    private Calibration(Map<String, CalibrationKey> keys, Map<String, Double> values, List<CalibrationCheck> checks) {
        this.keys = keys;
        this.values = values;
        this.checks = checks;
    }

    /**
     * The keys of the rule packs registered on the class path, each at its default: the default
     * pack's keys where {@code threshold-rules} is on the class path; no key where no pack is.
     *
     * @throws IllegalStateException where two such packs give one key different declarations
     */
    public static Calibration defaults() {
        return Defaults.DEFAULTS;
    }

    /** A calibration that declares no key. */
    public static Calibration empty() {
        return EMPTY;
    }

    /** The keys of {@link #defaults()}, in the order declared. */
    public static Set<String> keys() {
        return defaults().keys.keySet();
    }

    /** Whether {@code key} is a key of {@link #defaults()}. */
    public static boolean isKey(String key) {
        return defaults().keys.containsKey(key);
    }

    /** What values {@code key} of {@link #defaults()} accepts. */
    public static Range range(String key) {
        return defaults().key(key).valid();
    }

    /** What {@code key} of {@link #defaults()} means, in a few words. */
    public static String meaning(String key) {
        return defaults().key(key).meaning();
    }

    /**
     * The declaration of {@code name}.
     *
     * @throws IllegalArgumentException for a key this calibration does not declare, with the nearest keys suggested
     */
    public CalibrationKey key(String name) {
        CalibrationKey k = keys.get(Objects.requireNonNull(name, "key"));
        if (k == null) {
            throw unknownKey(name);
        }
        return k;
    }

    /** Every key declared, with its declaration, in the order declared. */
    public Map<String, CalibrationKey> declaredKeys() {
        return keys;
    }

    /** Whether this calibration declares {@code key}. */
    public boolean declares(String key) {
        return keys.containsKey(key);
    }

    /** The conditions the packs set on their keys together, checked by {@link #with(Map)}. */
    public List<CalibrationCheck> checks() {
        return checks;
    }

    private IllegalArgumentException unknownKey(String key) {
        if (keys.isEmpty()) {
            return new IllegalArgumentException("unknown calibration key (" + key + "). No rule pack declares any key here. "
                    + "Maybe put the default pack (threshold-rules) on the class path, or declare the pack's keys "
                    + "(RulePack.calibration(), or calibration.properties next to its rules).");
        }
        return new IllegalArgumentException("unknown calibration key (" + key + "). "
                + Suggestions.hint(key, keys.keySet(), "keys")
                + " A rule pack's own keys are known once the pack declares them "
                + "(RulePack.calibration(), or calibration.properties next to its rules).");
    }

    /**
     * The value of {@code key}. Rules read their pack's keys this way: {@code $c.get("maritime.windowDays")}.
     *
     * @throws IllegalArgumentException for a key no pack declared, with the nearest keys suggested
     */
    public double get(String key) {
        Double v = values.get(Objects.requireNonNull(key, "key"));
        if (v == null) {
            throw unknownKey(key);
        }
        return v;
    }

    /** Every key with its value, in the order declared. */
    public Map<String, Double> asMap() {
        return values;
    }

    /** The keys whose value differs from their default. */
    public Map<String, Double> changes() {
        Map<String, Double> changed = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (Double.compare(v, keys.get(k).defaultValue()) != 0) {
                changed.put(k, v);
            }
        });
        return changed;
    }

    /** A copy that also declares the keys and checks of {@code pack}; see {@link #declare(Collection, Collection)}. */
    public Calibration declare(RulePack pack) {
        return declare(pack.calibration(), pack.calibrationChecks());
    }

    /** A copy that also declares {@code more}; see {@link #declare(Collection, Collection)}. */
    public Calibration declare(Collection<CalibrationKey> more) {
        return declare(more, List.of());
    }

    /**
     * A copy that also declares keys that take any finite number, with these defaults (the
     * declarations of bare {@code key = default} lines).
     */
    public Calibration declare(Map<String, Double> keysWithDefaults) {
        List<CalibrationKey> more = new ArrayList<>();
        keysWithDefaults.forEach((k, d) -> more.add(CalibrationKey.anyNumber(k, d)));
        return declare(more);
    }

    /**
     * A copy that also declares the keys {@code more}, each at its default, and the checks
     * {@code moreChecks}. Declaring a key again as it was declared is harmless; so is a check
     * declared again.
     *
     * @throws IllegalArgumentException where a key was declared before otherwise (another default,
     *     other valid values or another meaning)
     */
    public Calibration declare(Collection<CalibrationKey> more, Collection<CalibrationCheck> moreChecks) {
        Objects.requireNonNull(more, "keys");
        Objects.requireNonNull(moreChecks, "checks");
        boolean newKey = false;
        for (CalibrationKey k : more) {
            CalibrationKey before = keys.get(Objects.requireNonNull(k, "key").name());
            if (before == null) {
                newKey = true;
            } else if (!before.equals(k)) {
                throw new IllegalArgumentException("the calibration key '" + k.name() + "' is declared twice, "
                        + (Double.compare(before.defaultValue(), k.defaultValue()) != 0
                                ? "with defaults " + before.defaultValue() + " and " + k.defaultValue()
                                : "differently (" + before.toFileLine() + "; " + k.toFileLine() + ")")
                        + ". Maybe two packs use one name; give each pack's keys its own prefix.");
            }
        }
        boolean newCheck = moreChecks.stream().anyMatch(c -> !checks.contains(c));
        if (!newKey && !newCheck) {
            return this;
        }
        Map<String, CalibrationKey> nextKeys = new LinkedHashMap<>(keys);
        Map<String, Double> nextValues = new LinkedHashMap<>(values);
        for (CalibrationKey k : more) {
            if (nextKeys.putIfAbsent(k.name(), k) == null) {
                nextValues.put(k.name(), k.defaultValue());
            }
        }
        List<CalibrationCheck> nextChecks = new ArrayList<>(checks);
        moreChecks.stream().filter(c -> !nextChecks.contains(c)).forEach(nextChecks::add);
        return new Calibration(Collections.unmodifiableMap(nextKeys), Collections.unmodifiableMap(nextValues),
                List.copyOf(nextChecks));
    }

    /**
     * A copy with {@code key} set to {@code value}.
     *
     * @throws IllegalArgumentException for an unknown key, a value outside the key's valid values,
     *     or a value that fails a check of the key's pack
     */
    public Calibration with(String key, double value) {
        return with(Map.of(key, value));
    }

    /** A copy with every key of {@code changes} set; see {@link #with(String, double)}. */
    public Calibration with(Map<String, Double> changes) {
        Map<String, Double> next = new LinkedHashMap<>(values);
        for (Map.Entry<String, Double> e : changes.entrySet()) {
            CalibrationKey k = key(e.getKey());
            double v = Objects.requireNonNull(e.getValue(), e.getKey());
            if (!k.accepts(v)) {
                throw new IllegalArgumentException("calibration key '" + k.name() + "' must be "
                        + k.valid().description() + " (" + v + ")");
            }
            next.put(k.name(), v);
        }
        Calibration c = new Calibration(keys, Collections.unmodifiableMap(next), checks);
        for (CalibrationCheck check : checks) {
            check.check(c);
        }
        return c;
    }

    /**
     * The view of this calibration of the given type, made by {@code make} the first time it is
     * asked for and kept with this calibration: how a pack's rules read its constants as fields
     * rather than by key.
     */
    @SuppressWarnings("unchecked")
    public <T> T view(Class<T> type, Function<? super Calibration, ? extends T> make) {
        Object v = views.get(type);
        if (v == null) {
            v = views.computeIfAbsent(type, t -> Objects.requireNonNull(make.apply(this), "view"));
        }
        return (T) v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calibration other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        Map<String, Double> changed = changes();
        return changed.isEmpty() ? "Calibration[defaults]" : "Calibration[defaults with " + changed + "]";
    }
}
