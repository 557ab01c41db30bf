package org.threshold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * <p>A pack may declare calibration keys of its own, with their defaults ({@link #calibration()});
 * its rules read them with {@code $c.get("key")} and a scenario file's {@code calibration:}
 * section may set them like the model's keys. A pack read from a folder or the class path
 * declares them in a {@value #CALIBRATION_FILE} file of {@code key = default} lines.
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
     * The calibration keys this pack adds to the model's, each with its default, in the order to
     * list them. Keys are best namespaced by the pack ({@code maritime.escalationThreshold}); they
     * must not be keys of the model, and two packs must not give one key different defaults.
     */
    default Map<String, Double> calibration() {
        return Map.of();
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

    /** A pack of the given DRL sources that declares these calibration keys with their defaults. */
    static RulePack of(String name, List<RuleSource> sources, Map<String, Double> calibration) {
        return of(name, sources, calibration, RulePack.class.getClassLoader());
    }

    private static RulePack of(String name, List<RuleSource> sources, Map<String, Double> calibration, ClassLoader loader) {
        Objects.requireNonNull(name, "name");
        List<RuleSource> copy = List.copyOf(sources);
        Map<String, Double> keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(calibration));
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
            public Map<String, Double> calibration() {
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
     * resource is a {@code .drl} file, or a {@value #CALIBRATION_FILE} file of {@code key = default}
     * lines declaring the pack's calibration keys.
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
        Map<String, Double> calibration = new LinkedHashMap<>();
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
                calibration.putAll(calibrationKeys(shown, text));
            }
        }
        if (sources.isEmpty()) {
            throw problem("classpath pack '" + name + "'", "no .drl resource given");
        }
        return of(name, sources, calibration, loader);
    }

    /**
     * Reads the {@code key = default} lines of a {@value #CALIBRATION_FILE} file: one key per line,
     * {@code #} or {@code !} starts a comment line, {@code =} or {@code :} separates key and value.
     *
     * @param shown the file's name for messages
     * @throws InvalidRulesException naming the file and line of a bad or repeated entry
     */
    static Map<String, Double> calibrationKeys(String shown, String text) {
        Map<String, Double> keys = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int sep = -1;
            for (int j = 0; j < line.length(); j++) {
                if (line.charAt(j) == '=' || line.charAt(j) == ':') {
                    sep = j;
                    break;
                }
            }
            int lineNo = i + 1;
            if (sep <= 0) {
                throw problem(shown, lineNo, "expected 'key = default', like 'mypack.threshold = 0.5', got '" + line + "'");
            }
            String key = line.substring(0, sep).strip();
            String value = line.substring(sep + 1).strip();
            double d;
            try {
                d = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw problem(shown, lineNo, "the default of '" + key + "' must be a number, got '" + value + "'");
            }
            if (!Double.isFinite(d)) {
                throw problem(shown, lineNo, "the default of '" + key + "' must be a finite number, got '" + value + "'");
            }
            if (keys.put(key, d) != null) {
                throw problem(shown, lineNo, "the key '" + key + "' is declared twice");
            }
        }
        return keys;
    }

    /**
     * A pack of the DRL file at {@code path}, or of every {@code .drl} file under the folder
     * {@code path}, in path order. A folder's own {@value #CALIBRATION_FILE} (directly in it)
     * declares the pack's calibration keys.
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
        Map<String, Double> calibration = Map.of();
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
