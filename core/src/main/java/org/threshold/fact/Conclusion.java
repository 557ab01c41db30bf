package org.threshold.fact;

import java.util.Objects;

/**
 * A conclusion a rule draws, to be inserted logically ({@code insertLogical}) so that the engine
 * withdraws it when a premise goes.
 *
 * <p>The {@code type} names the conclusion (any name its pack chooses, such as
 * {@code NAVAL_CLASH_RISK}). {@code basis} and {@code strength} are optional qualifiers; {@code reason} is the
 * rule's own account of why, in words. The rule's name and the facts it matched are taken from
 * the engine, not from this object.
 */
public record Conclusion(String type, String basis, Double strength, Reason reason) {

    public Conclusion {
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("a conclusion needs a non-blank type");
        }
        if (strength != null && !Double.isFinite(strength)) {
            throw new IllegalArgumentException("strength must be finite (" + strength + ") for " + type);
        }
    }

    /** A conclusion with no basis and no strength. */
    public Conclusion(String type, Reason reason) {
        this(type, null, null, reason);
    }

    /** A conclusion with a strength and no basis. */
    public Conclusion(String type, double strength, Reason reason) {
        this(type, null, strength, reason);
    }
}
