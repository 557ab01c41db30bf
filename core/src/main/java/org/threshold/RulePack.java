package org.threshold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * <p>A pack may also ship its rules precompiled to Drools' executable model (by
 * {@code kie-maven-plugin}); where every pack of a reasoner does, the reasoner loads those
 * classes instead of compiling DRL, which is several times faster.
 */
public interface RulePack {

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
        Objects.requireNonNull(name, "name");
        List<RuleSource> copy = List.copyOf(sources);
        return new RulePack() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<RuleSource> sources() {
                return copy;
            }
        };
    }

    /**
     * A pack of the DRL file at {@code path}, or of every {@code .drl} file under the folder
     * {@code path}, in path order.
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
            try {
                sources.add(new RuleSource(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
            } catch (IOException | UncheckedIOException e) {
                throw problem(f.toString(), "cannot read the file: " + e.getMessage());
            }
        }
        return of(shown, sources);
    }

    private static InvalidRulesException problem(String file, String message) {
        return new InvalidRulesException(List.of(new InvalidRulesException.Problem(file, 0, 0, message)));
    }
}
