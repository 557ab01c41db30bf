package org.threshold.analysis;

/**
 * Where long work (a phase map, a simulation, a flip search, signposts, and ensembles) reports how
 * far it has come. The library only counts units of work; what to show, and whether to show
 * anything, is the caller's choice. {@link #NONE} ignores everything, and is what every analysis
 * uses unless given another.
 *
 * <p>Work calls {@link #start} once, then {@link #advance} as units are done (from several
 * threads at once where the work runs in parallel, so implementations must be thread-safe),
 * {@link #total} where its estimate of the whole changes, and {@link #finish} once, also when it
 * fails.
 */
public interface Progress {

    /** Reports nowhere. */
    Progress NONE = new Progress() {
    };

    /** Work named {@code task} begins; {@code total} units is the estimate of the whole. */
    default void start(String task, long total) {
    }

    /** A new estimate of the whole, in units. */
    default void total(long total) {
    }

    /** {@code units} more units are done. */
    default void advance(long units) {
    }

    /** The work is over, done or failed. */
    default void finish() {
    }
}
