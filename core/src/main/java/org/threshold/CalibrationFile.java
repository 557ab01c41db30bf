package org.threshold;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The format of a pack's {@value RulePack#CALIBRATION_FILE} file, by which every pack, the default
 * one included, declares its calibration keys.
 */
public final class CalibrationFile {

    private CalibrationFile() {
    }

    /**
     * Reads the lines of a {@value RulePack#CALIBRATION_FILE} file, one key a line:
     *
     * <pre>
     * key = default | valid values | meaning
     * </pre>
     *
     * Valid values are one of {@code score} (a number in [0, 1]), {@code non-negative},
     * {@code positive days}, {@code whole number} or {@code any number} (any finite number); a key
     * of positive days may have the default {@code none} (unset, it reads as positive infinity). The
     * meaning is free text. {@code key = default} alone declares a key of any number with no stated
     * meaning. {@code #} or {@code !} starts a comment line; {@code :} may stand for {@code =}.
     *
     * @param shown the file's name for messages
     * @throws InvalidRulesException naming the file and line of a bad or repeated entry
     */
    public static List<CalibrationKey> read(String shown, String text) {
        Map<String, CalibrationKey> keys = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int sep = -1;
            for (int j = 0; j < line.length(); j++) {
                if (line.charAt(j) == '=' || line.charAt(j) == ':') {
                    sep = j;
                    break;
                }
            }
            int lineNo = i + 1;
            if (sep <= 0) {
                throw problem(shown, lineNo, "expected 'key = default | valid values | meaning', like "
                        + "'mypack.threshold = 0.5 | score | the level from which ...', got '" + line + "'");
            }
            String key = line.substring(0, sep).strip();
            String[] parts = line.substring(sep + 1).split("\\|", 3);
            String value = parts[0].strip();
            Calibration.Range range = Calibration.Range.FINITE;
            if (parts.length > 1) {
                String token = parts[1].strip();
                range = Calibration.Range.ofToken(token).orElseThrow(() -> problem(shown, lineNo,
                        "the valid values of '" + key + "' must be one of score, non-negative, positive days, "
                                + "whole number or any number, got '" + token + "'"));
            }
            String meaning = parts.length > 2 ? parts[2].strip() : "";
            double d;
            if (value.equalsIgnoreCase("none") && range == Calibration.Range.POSITIVE_DAYS) {
                d = Double.POSITIVE_INFINITY;
            } else {
                try {
                    d = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw problem(shown, lineNo, "the default of '" + key + "' must be a number"
                            + (range == Calibration.Range.POSITIVE_DAYS ? " or none" : "") + ", got '" + value + "'");
                }
                if (!range.accepts(d)) {
                    throw problem(shown, lineNo, "the default of '" + key + "' must be " + range.description()
                            + ", got '" + value + "'");
                }
            }
            if (keys.put(key, new CalibrationKey(key, d, range, meaning)) != null) {
                throw problem(shown, lineNo, "the key '" + key + "' is declared twice");
            }
        }
        return List.copyOf(keys.values());
    }

    private static InvalidRulesException problem(String file, int line, String message) {
        return new InvalidRulesException(List.of(new InvalidRulesException.Problem(file, line, 0, message)));
    }
}
