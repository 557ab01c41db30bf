package org.threshold.analysis;

import java.util.Objects;

import org.threshold.Assessment;

/**
 * A place where an output of the assessment changes along a parameter, bracketed to within the
 * tolerance a {@link FlipFinder} was asked for: the output is {@code outputBelow} at
 * {@code below} and {@code outputAbove} at {@code above}, and the change happens somewhere in
 * between.
 *
 * @param below the parameter's value on the near side of the flip
 * @param above the parameter's value on the far side; {@code above - below} is at most the tolerance
 * @param outputBelow the output at {@code below}
 * @param outputAbove the output at {@code above}, different from {@code outputBelow}
 * @param assessmentBelow the whole assessment at {@code below}, to see why
 * @param assessmentAbove the whole assessment at {@code above}
 * @param assessments how many assessments the search that found this point made in all (the scan
 *     and every bisection): the same on every point of one search, the price of the answer
 * @param <T> the type of the output watched
 */
public record FlipPoint<T>(
        double below,
        double above,
        T outputBelow,
        T outputAbove,
        Assessment assessmentBelow,
        Assessment assessmentAbove,
        int assessments) {

    public FlipPoint {
        if (!(below < above)) {
            throw new IllegalArgumentException("a flip point needs below < above (" + below + ", " + above + ")");
        }
        Objects.requireNonNull(assessmentBelow, "assessmentBelow");
        Objects.requireNonNull(assessmentAbove, "assessmentAbove");
        if (Objects.equals(outputBelow, outputAbove)) {
            throw new IllegalArgumentException("a flip point needs different outputs on its two sides (both "
                    + outputBelow + ")");
        }
        if (assessments < 2) {
            throw new IllegalArgumentException("a flip point takes at least two assessments (" + assessments + ")");
        }
    }

    /** The middle of the bracket: the best single estimate of where the output flips. */
    public double at() {
        return below + (above - below) / 2;
    }

    /** The width of the bracket, {@code above - below}. */
    public double width() {
        return above - below;
    }

    @Override
    public String toString() {
        return "flip in [" + below + ", " + above + "]: " + outputBelow + " -> " + outputAbove;
    }
}
