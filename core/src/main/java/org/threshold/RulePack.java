package org.threshold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A set of DRL rules the reasoner loads, and the vocabulary it concludes in.
 *
 * <p>The default essay pack and a user's pack plug in the same way: a pack found on the class path
 * through {@link java.util.ServiceLoader} (a {@code META-INF/services/org.threshold.RulePack}
 * entry) is loaded by every {@link Threshold#builder()} unless
 * {@link Threshold.Builder#defaultPacks(boolean)} turns that off; other packs are added with
 * {@link Threshold.Builder#pack(RulePack)} or {@link Threshold.Builder#rules(Path...)}.
 *
 * <p>A pack declares its calibration keys ({@link #calibration()}): each with its default, its
 * valid values and its meaning. Its rules read them with {@code $c.get("key")}, or through a typed
 * view the pack inserts ({@link #calibrationFacts(Calibration)}), and a scenario file's
 * {@code calibration:} section may set them. A pack read from a folder or the class path declares
 * them in a {@value #CALIBRATION_FILE} file of {@code key = default | valid values | meaning}
 * lines; the default pack declares its keys in such a file too.
 *
 * <p>A pack may also ship its rules precompiled to Drools' executable model (by
 * {@code kie-maven-plugin}); where every pack of a reasoner does, the reasoner loads those
 * classes instead of compiling DRL, which is several times faster.
 */
public interface RulePack {

    /** The name of the file that declares a folder or class path pack's calibration keys. */
    String CALIBRATION_FILE = "calibration.properties";

    /** A short name for messages and listings. */
    String name();

    /** The DRL files of the pack. */
    List<RuleSource> sources();

    /** The metrics the pack computes, in the order reports list them. */
    default List<String> metrics() {
        return List.of();
    }

    /** The conclusions the pack can draw, in the order reports list them. */
    default List<String> conclusions() {
        return List.of();
    }

    /**
     * Whether the pack concludes the observer's posture in every assessment (a
     * {@link org.threshold.fact.PostureVerdict}); an assessment without one then fails as not whole.
     */
    default boolean concludesPosture() {
        return false;
    }

    /**
     * Whether the pack concludes the risk level in every assessment (a
     * {@link org.threshold.fact.RiskVerdict}); an assessment without one then fails as not whole.
     */
    default boolean concludesRiskLevel() {
        return false;
    }

    /**
     * The few metrics a timeline's text report shows beside the posture and the risk level, each
     * under a short label ({@code Q}), in order; none by default.
     */
    default Map<String, String> timelineMetrics() {
        return Map.of();
    }

    /**
     * The calibration keys this pack declares, each with its default, valid values and meaning,
     * in the order to list them. Keys are best namespaced by the pack
     * ({@code maritime.escalationThreshold}); two packs must not declare one key differently.
     */
    default List<CalibrationKey> calibration() {
        return List.of();
    }

    /** Conditions on several of the pack's keys together, beyond each key's valid values. */
    default List<CalibrationCheck> calibrationChecks() {
        return List.of();
    }

    /**
     * Facts made from an assessment's calibration and inserted beside it, through which the pack's
     * rules read their constants (a typed view with a field per key, for speed); none by default.
     * Called once per assessment or simulation; best made once per calibration with
     * {@link Calibration#view(Class, java.util.function.Function)}.
     */
    default List<Object> calibrationFacts(Calibration calibration) {
        return List.of();
    }

    /**
     * The days within which, under this pack's rules, an event can still be answered (a threat
     * carried out, a strike retaliated); an event older than that and not answered counts as
     * unanswered. Signposts use it to date their "unanswered" events; empty where the pack has no
     * such notion (the signposts of that kind are then left out).
     */
    default java.util.OptionalDouble answerWindowDays(Calibration calibration) {
        return java.util.OptionalDouble.empty();
    }

    /**
     * The class path resource where {@code kie-maven-plugin} listed this pack's precompiled
     * executable model classes ({@code META-INF/kie/GROUP/ARTIFACT/drools-model}); empty for a
     * pack that is DRL only.
     */
    default Optional<String> executableModelIndex() {
        return Optional.empty();
    }

    /** The class loader that sees the pack's resources and the classes its rules use. */
    default ClassLoader classLoader() {
        return getClass().getClassLoader();
    }

    /** A pack of the given DRL sources. */
    static RulePack of(String name, List<RuleSource> sources) {
        return of(name, sources, Map.of());
    }

    /** A pack of the given DRL sources that declares these calibration keys, each taking any finite number. */
    static RulePack of(String name, List<RuleSource> sources, Map<String, Double> calibration) {
        List<CalibrationKey> keys = new ArrayList<>();
        calibration.forEach((k, d) -> keys.add(CalibrationKey.anyNumber(k, d)));
        return of(name, sources, keys);
    }

    /** A pack of the given DRL sources that declares these calibration keys. */
    static RulePack of(String name, List<RuleSource> sources, List<CalibrationKey> calibration) {
        return of(name, sources, calibration, RulePack.class.getClassLoader());
    }

    private static RulePack of(String name, List<RuleSource> sources, List<CalibrationKey> calibration, ClassLoader loader) {
        Objects.requireNonNull(name, "name");
        List<RuleSource> copy = List.copyOf(sources);
        List<CalibrationKey> keys = List.copyOf(calibration);
        return new RulePack() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<RuleSource> sources() {
                return copy;
            }

            @Override
            public List<CalibrationKey> calibration() {
                return keys;
            }

            @Override
            public ClassLoader classLoader() {
                return loader;
            }

            @Override
            public String toString() {
                return "RulePack[" + name + "]";
            }
        };
    }

    /**
     * A pack of class path resources, as an application that embeds Threshold ships its own rules
     * (works from a plain or a shaded jar, since each resource is named, not listed). Each
     * resource is a {@code .drl} file, or a {@value #CALIBRATION_FILE} file declaring the pack's
     * calibration keys (see {@link #calibrationKeys(String, String)}).
     *
     * <pre>{@code
     * RulePack maritime = RulePack.fromClasspath("maritime", MyApp.class.getClassLoader(),
     *         "org/example/maritime/incidents.drl", "org/example/maritime/escalation.drl",
     *         "org/example/maritime/calibration.properties");
     * Reasoner reasoner = Threshold.builder().defaultPacks(false).pack(maritime).build();
     * }</pre>
     *
     * @param loader the class loader that sees the resources and the classes the rules use
     * @throws InvalidRulesException where a resource is missing, is neither kind of file, or a
     *     calibration line is not {@code key = number}
     */
    static RulePack fromClasspath(String name, ClassLoader loader, String... resources) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(loader, "loader");
        if (resources.length == 0) {
            throw problem("classpath pack '" + name + "'", "no resources given. Maybe list the pack's .drl files.");
        }
        List<RuleSource> sources = new ArrayList<>();
        List<CalibrationKey> calibration = new ArrayList<>();
        for (String resource : resources) {
            String path = resource.startsWith("/") ? resource.substring(1) : resource;
            String shown = "classpath:" + path;
            boolean drl = path.endsWith(".drl");
            if (!drl && !path.endsWith(".properties")) {
                throw problem(shown, "not a .drl or a .properties file. Maybe list the pack's rule files and its "
                        + CALIBRATION_FILE + ".");
            }
            String text;
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw problem(shown, "no such resource on the class path. Maybe check the name, or the class "
                            + "loader given (it must see the pack's resources).");
                }
                text = utf8(shown, in.readAllBytes());
            } catch (IOException e) {
                throw problem(shown, "cannot read the resource: " + e.getMessage());
            }
            if (drl) {
                sources.add(new RuleSource(shown, text));
            } else {
                calibration.addAll(calibrationKeys(shown, text));
            }
        }
        if (sources.isEmpty()) {
            throw problem("classpath pack '" + name + "'", "no .drl resource given");
        }
        return of(name, sources, calibration, loader);
    }

    /**
     * Reads the lines of a {@value #CALIBRATION_FILE} file; see {@link CalibrationFile#read(String, String)}.
     *
     * @param shown the file's name for messages
     * @throws InvalidRulesException naming the file and line of a bad or repeated entry
     */
    static List<CalibrationKey> calibrationKeys(String shown, String text) {
        return CalibrationFile.read(shown, text);
    }

    /**
     * A pack of the DRL file at {@code path}, or of every {@code .drl} file under the folder
     * {@code path}, in path order. A folder's own {@value #CALIBRATION_FILE} (directly in it)
     * declares the pack's calibration keys (see {@link #calibrationKeys(String, String)}).
     *
     * @throws InvalidRulesException where the path does not exist, is not a {@code .drl} file, or
     *     is a folder with no {@code .drl} file under it
     */
    static RulePack fromPath(Path path) {
        Objects.requireNonNull(path, "path");
        String shown = path.toString();
        if (!Files.exists(path)) {
            throw problem(shown, "no such file or folder. Maybe check the path given to --rules.");
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".drl"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw problem(shown, "cannot read the folder: " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw problem(shown, "the folder holds no .drl file");
            }
        } else if (!path.getFileName().toString().endsWith(".drl")) {
            throw problem(shown, "not a .drl file. Maybe pass a rule file ending in .drl, or a folder of them.");
        } else {
            files.add(path);
        }
        List<RuleSource> sources = new ArrayList<>();
        for (Path f : files) {
            sources.add(new RuleSource(f.toString(), read(f)));
        }
        List<CalibrationKey> calibration = List.of();
        Path keys = path.resolve(CALIBRATION_FILE);
        if (Files.isDirectory(path) && Files.isRegularFile(keys)) {
            calibration = calibrationKeys(keys.toString(), read(keys));
        }
        return of(shown, sources, calibration);
    }

    private static String read(Path f) {
        try {
            return utf8(f.toString(), Files.readAllBytes(f));
        } catch (IOException | UncheckedIOException e) {
            throw problem(f.toString(), "cannot read the file: " + e.getMessage());
        }
    }

    /**
     * The bytes as UTF-8 text, without a byte order mark.
     *
     * @throws InvalidRulesException naming the first byte that is not UTF-8, by its offset and line
     */
    private static String utf8(String shown, byte[] bytes) {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw problem(shown, line, String.format(java.util.Locale.ROOT, "the file is not UTF-8 text: byte 0x%02X at "
                    + "byte offset %d (line %d) is not valid UTF-8. Rule files are read as UTF-8; maybe the file was saved "
                    + "in another encoding (such as ISO-8859-1 or Windows-1252): save it as UTF-8.",
                    bytes[offset] & 0xFF, offset, line));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static InvalidRulesException problem(String file, String message) {
        return problem(file, 0, message);
    }

    private static InvalidRulesException problem(String file, int line, String message) {
        return new InvalidRulesException(List.of(new InvalidRulesException.Problem(file, line, 0, message)));
    }
}
