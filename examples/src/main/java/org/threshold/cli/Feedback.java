package org.threshold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.threshold.analysis.Progress;

/**
 * What the command line tells a person on standard error besides errors: progress on long work
 * and the files it wrote. Progress shows where standard error is a terminal or with
 * {@code --progress}, never with {@code --quiet}; it never goes to standard output.
 */
final class Feedback {

    /** Work shorter than this shows no progress at all. */
    static final Duration DELAY = Duration.ofMillis(800);

    /** The delay in force; tests set it to zero to see the bar of short work. */
    static volatile Duration delay = DELAY;

    private static volatile boolean quiet;
    private static volatile boolean progressAsked;
    private static volatile boolean terminal;

    private Feedback() {
    }

    /** Back to the defaults, before a run; {@code stderrIsTerminal} where standard error is a terminal. */
    static void reset(boolean stderrIsTerminal) {
        quiet = false;
        progressAsked = false;
        terminal = stderrIsTerminal;
    }

    static void quiet(boolean on) {
        quiet = on;
    }

    static void progress(boolean on) {
        progressAsked = on;
    }

    /** Whether progress shows: asked for, or standard error is a terminal; never when quiet. */
    static boolean showsProgress() {
        return !quiet && (progressAsked || terminal);
    }

    /** Progress on {@code err} when it shows, else {@link Progress#NONE}. */
    static Progress progress(PrintWriter err) {
        return showsProgress() ? new Bar(err, delay) : Progress.NONE;
    }

    /** Tells on {@code err} that a file was written, unless quiet. */
    static void wrote(PrintWriter err, Path file) {
        if (!quiet) {
            err.println("threshold: wrote " + file);
            err.flush();
        }
    }

    /** Whether this process's standard error is a terminal (Linux: fd 2 is a tty or a pseudo-terminal). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /**
     * A progress bar that shows only once the work has run for {@code delay}, with a percentage
     * and an estimate of the time left, redrawn in place with a carriage return.
     */
    static final class Bar implements Progress {
        private final PrintWriter err;
        private final long delayNanos;
        private final AtomicLong done = new AtomicLong();
        private volatile long total = 1;
        private volatile String task = "";
        private volatile long started;
        private volatile ProgressBar bar;

        Bar(PrintWriter err, Duration delay) {
            this.err = err;
            this.delayNanos = delay.toNanos();
        }

        @Override
        public synchronized void start(String task, long total) {
            // one bar can serve several pieces of work in turn, such as the signposts of each scenario
            done.set(0);
            this.task = task;
            this.total = Math.max(1, total);
            this.started = System.nanoTime();
        }

        @Override
        public synchronized void total(long total) {
            this.total = Math.max(1, total);
            if (bar != null) {
                bar.maxHint(this.total);
            }
        }

        @Override
        public void advance(long units) {
            done.addAndGet(units);
            if (bar == null && System.nanoTime() - started < delayNanos) {
                return;
            }
            synchronized (this) {
                if (bar == null) {
                    bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                            .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                            .startsFrom(0, Duration.ofNanos(System.nanoTime() - started))
                            .setConsumer(new Line(err)).build();
                }
                bar.stepTo(Math.max(bar.getCurrent(), done.get()));
            }
        }

        @Override
        public synchronized void finish() {
            if (bar != null) {
                // the work is over: whatever the estimate was, it ends at 100%
                bar.maxHint(done.get());
                bar.stepTo(done.get());
                bar.close();
                bar = null;
            }
        }
    }

    /** Draws the bar on one line of {@code err}, in place. */
    private static final class Line implements ProgressBarConsumer {
        private final PrintWriter err;

        Line(PrintWriter err) {
            this.err = err;
        }

        @Override
        public int getMaxRenderedLength() {
            return 100;
        }

        @Override
        public void accept(String rendered) {
            err.print('\r');
            err.print(rendered);
            err.flush();
        }

        @Override
        public void close() {
            err.println();
            err.flush();
        }
    }
}
