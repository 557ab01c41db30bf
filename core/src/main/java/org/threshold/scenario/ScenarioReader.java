package org.threshold.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.threshold.Calibration;
import org.threshold.CalibrationKey;
import org.threshold.InvalidScenarioException;
import org.threshold.Scenario;

/**
 * Reads scenario files (YAML, or JSON) in the format of INTERFACES.md, strictly: unknown keys
 * (with the nearest valid key suggested), duplicate keys, wrong types, scores outside [0, 1], NaN
 * and infinities, non-positive windows and impossible dates are errors. Every error is one
 * {@link InvalidScenarioException} naming the file, the line and column, the field, and what was
 * expected.
 *
 * <p>The {@code calibration:} section accepts the keys of the rule packs on the class path
 * ({@link Calibration#defaults()}), and those given (a reasoner's {@code calibrationKeys()}), each
 * checked against its valid values. Where no pack is on the class path and none is given, the
 * section has no key to accept and says so.
 *
 * <p>Limits: a file of at most {@value #MAX_BYTES} bytes, at most {@value #MAX_EVENTS} events,
 * nesting at most {@value #MAX_DEPTH} deep, at most {@value #MAX_ALIASES} YAML aliases. An alias
 * ({@code *name}) stands for the value anchored before it ({@code &name}), as YAML defines; the
 * value is shared, never copied, so an alias bomb costs nothing to read.
 *
 * <p>Implementation notes: reading is two steps, each in a class of its own. A
 * {@code DocumentParser} turns the YAML or JSON text into a tree of values that keep their line
 * and column (and enforces the limits above); a {@code ScenarioBinder} turns the tree into a
 * {@link Scenario}, validating every field.
 */
public final class ScenarioReader {

    /** The largest file read, in bytes. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** The most events a scenario may hold. */
    public static final int MAX_EVENTS = 100_000;
    /** The deepest nesting of mappings and lists. */
    public static final int MAX_DEPTH = 20;
    /** The most YAML aliases ({@code *name}) a file may use. */
    public static final int MAX_ALIASES = 50;

    private ScenarioReader() {
    }

    /**
     * Reads the scenario file at {@code file}: JSON where the name ends in {@code .json}, YAML
     * otherwise.
     *
     * @throws InvalidScenarioException for a missing, unreadable or wrong file
     */
    public static Scenario read(Path file) {
        return read(file, Map.of());
    }

    /**
     * Reads the scenario file at {@code file} as {@link #read(Path)} does, its {@code calibration:}
     * section also accepting the keys rule packs declare ({@code reasoner.calibrationKeys()}; see
     * {@link org.threshold.RulePack#calibration()}). Any other key is still an error, with the
     * nearest valid key suggested.
     *
     * @param packKeys the packs' calibration keys with their defaults
     * @throws InvalidScenarioException for a missing, unreadable or wrong file
     * @throws IllegalArgumentException where {@code packKeys} clash with the keys of the packs on the class path
     */
    public static Scenario read(Path file, Map<String, Double> packKeys) {
        return read(file, Calibration.defaults().declare(packKeys));
    }

    /**
     * Reads the scenario file at {@code file} as {@link #read(Path)} does, its {@code calibration:}
     * section also accepting these keys ({@code reasoner.calibrationKeys()}), each checked against
     * its valid values. Any other key is still an error, with the nearest valid key suggested.
     *
     * @throws InvalidScenarioException for a missing, unreadable or wrong file
     * @throws IllegalArgumentException where {@code keys} clash with the keys of the packs on the class path
     */
    public static Scenario read(Path file, Collection<CalibrationKey> keys) {
        return read(file, Calibration.defaults().declare(keys));
    }

    private static Scenario read(Path file, Calibration base) {
        String shown = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidScenarioException(shown, 0, 0, null, "is a folder, not a scenario file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidScenarioException(shown, 0, 0, null, "the file has " + size
                        + " bytes, more than the limit of " + MAX_BYTES + ". Maybe split the scenario.");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidScenarioException(shown, 0, 0, null, "no such file");
        } catch (IOException e) {
            throw new InvalidScenarioException(shown, 0, 0, null, "cannot read the file (" + e.getMessage() + ")");
        }
        boolean json = file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return read(shown, bytes, json, base);
    }

    /**
     * Reads a scenario from {@code text}, YAML or JSON (JSON is YAML too), naming it
     * {@code source} in messages.
     */
    public static Scenario read(String source, String text) {
        return read(source, text, Map.of());
    }

    /** Reads a scenario from {@code text} as {@link #read(String, String)} does, accepting the packs' calibration keys. */
    public static Scenario read(String source, String text, Map<String, Double> packKeys) {
        return read(source, text.getBytes(StandardCharsets.UTF_8), false, Calibration.defaults().declare(packKeys));
    }

    /** Reads a scenario from {@code text} as {@link #read(String, String)} does, accepting these calibration keys. */
    public static Scenario read(String source, String text, Collection<CalibrationKey> keys) {
        return read(source, text.getBytes(StandardCharsets.UTF_8), false, Calibration.defaults().declare(keys));
    }

    private static Scenario read(String source, byte[] bytes, boolean json, Calibration base) {
        Node root = new DocumentParser(source).parse(bytes, json);
        return new ScenarioBinder(source, base).scenario(root);
    }

    /** The keys a scenario file accepts at each place, for documentation and tests. */
    public static Map<String, List<String>> keys() {
        Map<String, List<String>> keys = ScenarioBinder.structureKeys();
        keys.put("calibration", List.copyOf(Calibration.keys()));
        keys.put("policy", ScenarioBinder.POLICY_KEYS);
        keys.put("policy.press", ScenarioBinder.PRESS_KEYS);
        keys.put("policy.hold", ScenarioBinder.HOLD_KEYS);
        return keys;
    }
}
