package org.threshold.fact;

import java.util.Arrays;
import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The human-readable part of an explanation, written by the rule that concludes.
 *
 * <p>A reason keeps its format and arguments and formats them only when read, so rules pay
 * nothing for text that nobody asks for. Formatting uses {@link Locale#ROOT}: a decimal point,
 * whatever the machine's locale.
 *
 * <p>Reasons are values: equal formats with equal arguments are equal, so assessments that hold
 * them compare by value. Two rules that conclude the same thing keep two justifications
 * whatever their reasons, because the engine records one justification per rule match.
 */
public final class Reason {

    private static final Object[] NO_ARGS = new Object[0];
    /** Per format, the argument types it was last seen to fit; bounded, since formats may be built at run time. */
    private static final ConcurrentHashMap<String, Class<?>[]> FITTING = new ConcurrentHashMap<>();
    private static final int MAX_FITTING = 10_000;

    private final String format;
    private final Object[] args;

    private Reason(String format, Object[] args) {
        this.format = Objects.requireNonNull(format, "format");
        this.args = args == null ? NO_ARGS : args;
    }

    /** A reason that formats {@code format} with {@code args} as {@link String#format} does. */
    public static Reason of(String format, Object... args) {
        return new Reason(format, args);
    }

    /** The formatted text. */
    public String text() {
        return args.length == 0 ? format : String.format(Locale.ROOT, format, args);
    }

    /** The format, as the rule wrote it. */
    public String format() {
        return format;
    }

    /**
     * Checks that the format fits its arguments, by formatting once for each format and kind of
     * arguments (later checks of the same pair cost a map lookup).
     *
     * @throws IllegalFormatException where it does not, as {@link #text()} would
     */
    public void check() {
        if (args.length == 0) {
            return;
        }
        Class<?>[] fitting = FITTING.get(format);
        if (fitting != null && sameTypes(fitting, args)) {
            return;
        }
        String.format(Locale.ROOT, format, args);
        if (FITTING.size() >= MAX_FITTING) {
            FITTING.clear();
        }
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i] == null ? null : args[i].getClass();
        }
        FITTING.put(format, types);
    }

    private static boolean sameTypes(Class<?>[] types, Object[] values) {
        if (types.length != values.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            Object v = values[i];
            if ((v == null ? null : v.getClass()) != types[i]) {
                return false;
            }
        }
        return true;
    }

    /** The values the text is made from, in order. */
    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reason other && format.equals(other.format) && Arrays.deepEquals(args, other.args);
    }

    @Override
    public int hashCode() {
        return 31 * format.hashCode() + Arrays.deepHashCode(args);
    }

    @Override
    public String toString() {
        return text();
    }
}
