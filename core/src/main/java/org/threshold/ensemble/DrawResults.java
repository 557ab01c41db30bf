package org.threshold.ensemble;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The outcomes of the draws {@code [from, from + count)} of an ensemble, compactly: per draw the
 * conclusions that hold (as bits, in the order of {@link Ensemble#conclusions()}), the posture and
 * risk level (as ordinals, -1 for none), every metric of {@link Ensemble#metrics()} (NaN where the
 * rules computed none) and the uncertain parameters' values. Parts of any split are combined by
 * {@link Ensemble#summarise(java.util.Collection)}. Immutable once made; serializable, so that
 * parts computed elsewhere (on a cluster's executors) can be sent back.
 */
public final class DrawResults implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long from;
    private final int count;
    private final int conclusionCount;
    private final int metricCount;
    private final int parameterCount;
    private final int words;
    private final long[] conclusionBits;
    private final byte[] postures;
    private final byte[] riskLevels;
    private final double[] metricValues;
    private final double[] parameterValues;

    DrawResults(long from, int count, int conclusionCount, int metricCount, int parameterCount) {
        this.from = from;
        this.count = count;
        this.conclusionCount = conclusionCount;
        this.metricCount = metricCount;
        this.parameterCount = parameterCount;
        this.words = (conclusionCount + 63) / 64;
        this.conclusionBits = new long[count * words];
        this.postures = new byte[count];
        this.riskLevels = new byte[count];
        this.metricValues = new double[count * metricCount];
        this.parameterValues = new double[count * parameterCount];
        Arrays.fill(postures, (byte) -1);
        Arrays.fill(riskLevels, (byte) -1);
    }

    /** The index of the first draw. */
    public long from() {
        return from;
    }

    /** The index after the last draw. */
    public long to() {
        return from + count;
    }

    /** How many draws. */
    public int count() {
        return count;
    }

    /** How many conclusions each draw records. */
    public int conclusionCount() {
        return conclusionCount;
    }

    /** How many metrics each draw records. */
    public int metricCount() {
        return metricCount;
    }

    /** How many parameter values each draw records. */
    public int parameterCount() {
        return parameterCount;
    }

    /** Whether conclusion {@code c} holds in the draw {@code i} of this part (0 is {@link #from()}). */
    public boolean holds(int i, int c) {
        return (conclusionBits[i * words + (c >>> 6)] & (1L << (c & 63))) != 0;
    }

    /** The posture's ordinal in draw {@code i} of this part, -1 for none. */
    public int posture(int i) {
        return postures[i];
    }

    /** The risk level's ordinal in draw {@code i} of this part, -1 for none. */
    public int riskLevel(int i) {
        return riskLevels[i];
    }

    /** Metric {@code m} in draw {@code i} of this part. */
    public double metric(int i, int m) {
        return metricValues[i * metricCount + m];
    }

    /** Uncertain parameter {@code j}'s value in draw {@code i} of this part. */
    public double parameter(int i, int j) {
        return parameterValues[i * parameterCount + j];
    }

    void setHolds(int i, int c) {
        conclusionBits[i * words + (c >>> 6)] |= 1L << (c & 63);
    }

    void setPosture(int i, int ordinal) {
        postures[i] = (byte) ordinal;
    }

    void setRiskLevel(int i, int ordinal) {
        riskLevels[i] = (byte) ordinal;
    }

    void setMetric(int i, int m, double v) {
        metricValues[i * metricCount + m] = v;
    }

    void setParameter(int i, int j, double v) {
        parameterValues[i * parameterCount + j] = v;
    }
}
