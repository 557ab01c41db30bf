package org.threshold.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.threshold.RuleFailureException;
import org.threshold.ensemble.DrawResults;
import org.threshold.ensemble.Ensemble;
import org.threshold.ensemble.EnsembleProgress;
import org.threshold.ensemble.EnsembleSummary;

/**
 * An ensemble as a Spark job: the draw indices {@code [0, assessments)} cut into contiguous
 * ranges, one partition each; every task assesses its range with its executor's ensemble
 * ({@link ExecutorEnsembles}: one reasoner per executor JVM, one engine session per draw, each
 * disposed) and sends back the compact {@link DrawResults}; the driver combines them with
 * {@link Ensemble#summarise}. Draw i depends only on the seed and i, and the summary only on the
 * draws (counts as integers, sums in index order), so the result equals the local command's bit
 * for bit, however the work is split and whichever executor runs which range.
 */
public final class SparkEnsemble {

    /** The partitions per core of the cluster when none is asked for: small enough tasks to even out the load. */
    public static final int PARTITIONS_PER_CORE = 4;

    /**
     * A range of draw indices.
     *
     * @param from the first index
     * @param to the index after the last
     */
    public record DrawRange(long from, long to) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private SparkEnsemble() {
    }

    /**
     * Runs the job on {@code spark} in {@code partitions} ranges (0: {@value #PARTITIONS_PER_CORE}
     * per core of the cluster's default parallelism).
     *
     * @throws org.apache.spark.SparkException wrapped in a runtime exception where a task fails
     */
    public static EnsembleSummary run(JavaSparkContext spark, EnsembleJob job, int partitions) {
        return run(spark, job, partitions, EnsembleProgress.NONE);
    }

    /**
     * As {@link #run(JavaSparkContext, EnsembleJob, int)}, telling {@code progress} of the draws
     * done as tasks finish (on Spark's listener thread).
     */
    public static EnsembleSummary run(JavaSparkContext spark, EnsembleJob job, int partitions, EnsembleProgress progress) {
        Ensemble driver = ExecutorEnsembles.ensemble(job);
        int wanted = partitions > 0 ? partitions : PARTITIONS_PER_CORE * Math.max(1, spark.defaultParallelism());
        List<DrawRange> ranges = ranges(driver.assessments(), wanted);
        Progress listener = new Progress(ranges, driver.assessments(), progress);
        spark.sc().addSparkListener(listener);
        try {
            List<DrawResults> parts = spark.parallelize(ranges, ranges.size())
                    .map(r -> evaluate(job, r))
                    .collect();
            listener.finish();
            return driver.summarise(parts);
        } finally {
            spark.sc().removeSparkListener(listener);
        }
    }

    /**
     * Counts the draws of the tasks that finished, by their partition's range. Spark tells a
     * listener of a task's end a little after the task ended, so the job's end reports every draw
     * done itself ({@link #finish()}), and later news is ignored.
     */
    private static final class Progress extends SparkListener {
        private final List<DrawRange> ranges;
        private final long total;
        private final EnsembleProgress progress;
        private long done;
        private boolean finished;

        Progress(List<DrawRange> ranges, long total, EnsembleProgress progress) {
            this.ranges = ranges;
            this.total = total;
            this.progress = progress;
        }

        @Override
        public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            int index = taskEnd.taskInfo().index();
            if (!finished && taskEnd.taskInfo().successful() && index >= 0 && index < ranges.size()) {
                DrawRange r = ranges.get(index);
                done = Math.min(total, done + r.to() - r.from());
                if (done < total) {
                    progress.progress(done, total);
                }
            }
        }

        /** Every draw is done: tells so once. */
        synchronized void finish() {
            if (!finished) {
                finished = true;
                progress.progress(total, total);
            }
        }
    }

    /**
     * One task: its range of draws, assessed by its executor's ensemble. A rule failure comes back
     * as its message alone, which always travels to the driver (the engine's own exception in its
     * cause might not serialise).
     */
    static DrawResults evaluate(EnsembleJob job, DrawRange range) {
        try {
            return ExecutorEnsembles.ensemble(job).evaluate(range.from(), range.to());
        } catch (RuleFailureException e) {
            throw new RuleFailureException(e.getMessage());
        }
    }

    /**
     * {@code [0, total)} cut into {@code min(parts, total)} contiguous ranges whose sizes differ by
     * at most one, in order.
     */
    public static List<DrawRange> ranges(long total, int parts) {
        if (total < 1 || parts < 1) {
            throw new IllegalArgumentException("expected at least one draw and one part, got " + total + " and " + parts);
        }
        int n = (int) Math.min(parts, total);
        List<DrawRange> ranges = new ArrayList<>(n);
        long base = total / n;
        long extra = total % n;
        long from = 0;
        for (int i = 0; i < n; i++) {
            long to = from + base + (i < extra ? 1 : 0);
            ranges.add(new DrawRange(from, to));
            from = to;
        }
        return ranges;
    }
}
