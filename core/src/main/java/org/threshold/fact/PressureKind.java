package org.threshold.fact;

/** What the observer adds when it presses: "every sanction package, every weapons transfer, every permission structure". */
public enum PressureKind {
    SANCTIONS, WEAPONS, PERMISSION, OTHER
}
