package org.threshold.fact;

import java.util.Objects;

/** One signal of the observer's conduct; signals count as a set. */
public record ObserverSignal(Signal signal) {
    private static final ObserverSignal[] SHARED = new ObserverSignal[Signal.values().length];

    static {
        for (Signal s : Signal.values()) {
            SHARED[s.ordinal()] = new ObserverSignal(s);
        }
    }

    public ObserverSignal {
        Objects.requireNonNull(signal, "signal");
    }

    /**
     * The one shared instance for the signal (facts are immutable): a scenario lists each signal
     * once, and the same instance from one scenario to the next lets a live session see that
     * nothing changed without comparing.
     */
    public static ObserverSignal of(Signal signal) {
        return SHARED[Objects.requireNonNull(signal, "signal").ordinal()];
    }
}
