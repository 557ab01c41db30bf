package org.threshold.ensemble;

import java.io.Serializable;

/**
 * What an ensemble draws: how many samples, from which seed, and whether it estimates Sobol
 * indices (Saltelli's scheme, which assesses {@code samples x (P + 2)} draws for P uncertain
 * parameters).
 *
 * @param samples the number of draws (with {@code sensitivity}, of base draws), at least 1
 * @param seed the seed; draw i depends only on the seed and i
 * @param sensitivity whether to estimate first- and total-order Sobol indices
 */
public record EnsembleOptions(long samples, long seed, boolean sensitivity) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The default number of samples. */
    public static final long DEFAULT_SAMPLES = 10_000;
    /** The default seed. */
    public static final long DEFAULT_SEED = 1;
    /**
     * The most rows (draws to assess) one ensemble may hold. Its summary is computed from every
     * row at once, which takes about 0.8 GB of heap a million rows.
     */
    public static final long MAX_ASSESSMENTS = 5_000_000;

    public EnsembleOptions {
        if (samples < 1) {
            throw new IllegalArgumentException("samples: expected at least 1, got " + samples);
        }
    }

    /** 10000 samples, seed 1, no sensitivity. */
    public static EnsembleOptions defaults() {
        return new EnsembleOptions(DEFAULT_SAMPLES, DEFAULT_SEED, false);
    }

    public EnsembleOptions withSamples(long n) {
        return new EnsembleOptions(n, seed, sensitivity);
    }

    public EnsembleOptions withSeed(long s) {
        return new EnsembleOptions(samples, s, sensitivity);
    }

    public EnsembleOptions withSensitivity(boolean on) {
        return new EnsembleOptions(samples, seed, on);
    }
}
