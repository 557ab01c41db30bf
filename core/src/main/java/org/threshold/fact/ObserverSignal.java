package org.threshold.fact;

import java.util.Objects;

/** One signal of the observer's conduct; signals count as a set. */
public record ObserverSignal(Signal signal) {
    public ObserverSignal {
        Objects.requireNonNull(signal, "signal");
    }
}
