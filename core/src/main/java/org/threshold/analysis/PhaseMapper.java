package org.threshold.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.ReasoningSession;
import org.threshold.Scenario;
import org.threshold.ThresholdException;

/**
 * Draws {@link PhaseMap}s: the regions of a plane of two parameters where an output takes each
 * value, found by refining along the boundaries instead of assessing every cell.
 *
 * <p>The grid is first cut into square blocks. A block whose four corner cells and centre cell
 * agree is filled with their value; any other block is cut in four, until blocks are single
 * cells. Each round's cells are assessed in parallel on a fork-join pool with the one shared
 * reasoner; each thread keeps one live session and moves it from cell to cell with
 * {@link ReasoningSession#reassess(Scenario)} (two facts change between cells, at most), which
 * gives the same assessments as fresh ones at a fraction of their cost. Where a boundary is
 * smooth (as the default pack's are), this gives the full grid's regions at a fraction of its cost;
 * an island smaller than a block and touching none of its corners or centre can be missed, so
 * start with smaller blocks ({@link #withBlock(int)}) where such islands are expected.
 *
 * <p>A parameter of whole numbers ({@link Parameter.Kind#WHOLE}) takes, in each cell, the whole
 * number nearest the cell's centre.
 */
public final class PhaseMapper {

    /** The side, in cells, of the blocks a map starts from unless told otherwise. */
    public static final int DEFAULT_BLOCK = 16;

    private static final Logger LOG = LoggerFactory.getLogger(PhaseMapper.class);

    private final Reasoner reasoner;
    private final int block;
    private final ForkJoinPool pool;
    private final Progress progress;

    /** A mapper that assesses with {@code reasoner} on the common fork-join pool. */
    public PhaseMapper(Reasoner reasoner) {
        this(reasoner, DEFAULT_BLOCK, ForkJoinPool.commonPool(), Progress.NONE);
    }

    private PhaseMapper(Reasoner reasoner, int block, ForkJoinPool pool, Progress progress) {
        this.reasoner = Objects.requireNonNull(reasoner, "reasoner");
        if (block < 1) {
            throw new IllegalArgumentException("block must be at least 1 cell (" + block + ")");
        }
        this.block = block;
        this.pool = Objects.requireNonNull(pool, "pool");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The same mapper starting from blocks of {@code cells} cells a side; 1 assesses every cell. */
    public PhaseMapper withBlock(int cells) {
        return new PhaseMapper(reasoner, cells, pool, progress);
    }

    /** The same mapper assessing on {@code pool}. */
    public PhaseMapper withPool(ForkJoinPool pool) {
        return new PhaseMapper(reasoner, block, pool, progress);
    }

    /**
     * The same mapper reporting to {@code progress}, in cells: each assessed cell is one unit,
     * and the cells of a block filled without assessment count when it is filled; the whole is
     * every cell of the grid.
     */
    public PhaseMapper withProgress(Progress progress) {
        return new PhaseMapper(reasoner, block, pool, progress);
    }

    /**
     * The map of {@code output} over {@code x} in [xFrom, xTo] and {@code y} in [yFrom, yTo], at
     * {@code resolution} cells a side.
     */
    public <T> PhaseMap<T> map(Scenario scenario, String x, double xFrom, double xTo, String y, double yFrom, double yTo,
            int resolution, Function<Assessment, T> output) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(output, "output");
        if (resolution < 2 || resolution > 2000) {
            throw new IllegalArgumentException("resolution must be from 2 to 2000 cells a side (" + resolution + ")");
        }
        check("x", xFrom, xTo);
        check("y", yFrom, yTo);
        Parameter px = ParameterPaths.resolve(scenario, x);
        ParameterPaths.resolve(scenario, y);
        if (px.path().equals(ParameterPaths.resolve(scenario, y).path())) {
            throw new IllegalArgumentException("x and y must be two different parameters (both " + px.path() + ")");
        }
        Grid<T> grid = new Grid<>(scenario, px, y, xFrom, xTo, yFrom, yTo, resolution, output);
        progress.start("map", (long) resolution * resolution);
        try {
            refine(grid, resolution);
        } finally {
            grid.close();
            progress.finish();
        }
        LOG.debug("phase map {} x {} at {}x{}: {} assessments of {}", px.path(), y, resolution, resolution,
                grid.assessments, resolution * resolution);
        double yValue = ParameterPaths.resolve(scenario, y).value();
        return new PhaseMap<>(px.path(), ParameterPaths.resolve(scenario, y).path(), xFrom, xTo, yFrom, yTo, resolution,
                grid.rows(), grid.assessments, px.value(), yValue);
    }

    private <T> void refine(Grid<T> grid, int resolution) {
        List<int[]> blocks = new ArrayList<>();
        for (int r = 0; r < resolution; r += block) {
            for (int c = 0; c < resolution; c += block) {
                blocks.add(new int[] {r, c, Math.min(resolution, r + block), Math.min(resolution, c + block)});
            }
        }
        while (!blocks.isEmpty()) {
            List<int[]> needed = new ArrayList<>();
            java.util.Set<Integer> queued = new java.util.HashSet<>();
            for (int[] b : blocks) {
                for (int[] cell : probes(b)) {
                    if (grid.value(cell[0], cell[1]) == null && queued.add(cell[0] * resolution + cell[1])) {
                        needed.add(cell);
                    }
                }
            }
            grid.evaluate(needed, pool);
            List<int[]> next = new ArrayList<>();
            for (int[] b : blocks) {
                if (b[2] - b[0] <= 1 && b[3] - b[1] <= 1) {
                    continue;
                }
                T first = null;
                boolean same = true;
                for (int[] cell : probes(b)) {
                    T v = grid.value(cell[0], cell[1]);
                    if (first == null) {
                        first = v;
                    } else if (!first.equals(v)) {
                        same = false;
                        break;
                    }
                }
                if (same) {
                    grid.fill(b, first);
                } else {
                    int rm = (b[0] + b[2] + 1) / 2;
                    int cm = (b[1] + b[3] + 1) / 2;
                    addIfNonEmpty(next, b[0], b[1], rm, cm);
                    addIfNonEmpty(next, b[0], cm, rm, b[3]);
                    addIfNonEmpty(next, rm, b[1], b[2], cm);
                    addIfNonEmpty(next, rm, cm, b[2], b[3]);
                }
            }
            blocks = next;
        }
    }

    private static void check(String axis, double from, double to) {
        if (!Double.isFinite(from) || !Double.isFinite(to) || !(from < to)) {
            throw new IllegalArgumentException(axis + " range must be finite with from < to (from " + from + ", to " + to + ")");
        }
    }

    private static void addIfNonEmpty(List<int[]> blocks, int r0, int c0, int r1, int c1) {
        if (r1 > r0 && c1 > c0) {
            blocks.add(new int[] {r0, c0, r1, c1});
        }
    }

    /** The four corner cells and the centre cell of a block. */
    private static List<int[]> probes(int[] b) {
        int r0 = b[0];
        int c0 = b[1];
        int r1 = b[2] - 1;
        int c1 = b[3] - 1;
        List<int[]> cells = new ArrayList<>(5);
        cells.add(new int[] {r0, c0});
        if (c1 != c0) {
            cells.add(new int[] {r0, c1});
        }
        if (r1 != r0) {
            cells.add(new int[] {r1, c0});
            if (c1 != c0) {
                cells.add(new int[] {r1, c1});
            }
        }
        int rm = (r0 + r1) / 2;
        int cm = (c0 + c1) / 2;
        if (!((rm == r0 || rm == r1) && (cm == c0 || cm == c1))) {
            cells.add(new int[] {rm, cm});
        }
        return cells;
    }

    /** The cells as they are learnt. */
    private final class Grid<T> {
        private final Scenario scenario;
        private final Parameter x;
        private final String yPath;
        private final double xFrom;
        private final double xTo;
        private final double yFrom;
        private final double yTo;
        private final int n;
        private final Function<Assessment, T> output;
        private final Object[][] values;
        int assessments;
        /** One live session per thread that assesses cells, each moved from cell to cell. */
        private final ThreadLocal<ReasoningSession> sessions = new ThreadLocal<>();
        private final java.util.Queue<ReasoningSession> opened = new java.util.concurrent.ConcurrentLinkedQueue<>();

        Grid(Scenario scenario, Parameter x, String yPath, double xFrom, double xTo, double yFrom, double yTo, int n,
                Function<Assessment, T> output) {
            this.scenario = scenario;
            this.x = x;
            this.yPath = yPath;
            this.xFrom = xFrom;
            this.xTo = xTo;
            this.yFrom = yFrom;
            this.yTo = yTo;
            this.n = n;
            this.output = output;
            this.values = new Object[n][n];
        }

        @SuppressWarnings("unchecked")
        T value(int row, int column) {
            return (T) values[row][column];
        }

        void fill(int[] b, T value) {
            long filled = 0;
            for (int r = b[0]; r < b[2]; r++) {
                for (int c = b[1]; c < b[3]; c++) {
                    if (values[r][c] == null) {
                        values[r][c] = value;
                        filled++;
                    }
                }
            }
            progress.advance(filled);
        }

        void evaluate(List<int[]> cells, ForkJoinPool pool) {
            if (cells.isEmpty()) {
                return;
            }
            List<T> results;
            try {
                results = pool.submit(() -> cells.parallelStream().map(this::assess).toList()).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ThresholdException("the phase map was interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new ThresholdException("the phase map failed: " + cause, cause);
            }
            for (int i = 0; i < cells.size(); i++) {
                values[cells.get(i)[0]][cells.get(i)[1]] = Objects.requireNonNull(results.get(i), "output");
            }
            assessments += cells.size();
        }

        private T assess(int[] cell) {
            double xv = xFrom + (xTo - xFrom) * (cell[1] + 0.5) / n;
            double yv = yFrom + (yTo - yFrom) * (cell[0] + 0.5) / n;
            // a parameter of whole numbers takes the whole number nearest the cell's centre
            Scenario atX = x.at(x.kind().whole() ? Math.rint(xv) : xv);
            Parameter y = ParameterPaths.resolve(atX, yPath);
            Scenario atBoth = y.at(y.kind().whole() ? Math.rint(yv) : yv);
            ReasoningSession live = sessions.get();
            if (live == null) {
                live = reasoner.open(atBoth);
                opened.add(live);
                sessions.set(live);
            }
            T value = output.apply(live.reassess(atBoth));
            progress.advance(1);
            return value;
        }

        void close() {
            for (ReasoningSession live; (live = opened.poll()) != null; ) {
                live.close();
            }
        }

        List<List<T>> rows() {
            List<List<T>> rows = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                List<T> row = new ArrayList<>(n);
                for (int c = 0; c < n; c++) {
                    row.add(value(r, c));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
