package org.threshold.ensemble;

/** Told how far a local ensemble run has come; called from worker threads, so it must be thread-safe. */
@FunctionalInterface
public interface EnsembleProgress {

    /** Nothing is told. */
    EnsembleProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} draws are assessed. */
    void progress(long done, long total);
}
