package org.threshold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * The launcher script {@code target/threshold} that the build makes beside the jar, run as a user
 * runs it, and what the jar itself carries: its version, one licence and one notice file.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("target", "threshold");
    private static final Path JAR = Path.of("target", "threshold.jar");

    record Run(int exitCode, String out, String err) {
    }

    private static Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("threshold-out", ".txt");
        Path err = Files.createTempFile("threshold-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            // the java that runs the build, which made the class-data archive
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().remove("THRESHOLD_JAVA_OPTS");
            builder.environment().putAll(env);
            Process p = builder.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the command did not finish in 120 s: " + command);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, "");
    }

    @Test
    void theLauncherPrintsWhatTheJarPrints() throws Exception {
        Run launched = launch(Map.of(), "assess", "scenarios/moscow-struck.yaml", "scenarios/faction-shift.yaml");
        Run jar = java("assess", "scenarios/moscow-struck.yaml", "scenarios/faction-shift.yaml");

        assertThat(launched.exitCode()).as(launched.err()).isZero();
        assertThat(launched.err()).isEmpty();
        assertThat(launched.out()).isEqualTo(jar.out()).contains("Signposts: the fewest further events");
    }

    @Test
    void theLauncherPassesOnBadInputsExitCodeAndMessage() throws Exception {
        Run r = launch(Map.of(), "assess", "scenarios/no-such-file.yaml");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("threshold: scenarios/no-such-file.yaml").doesNotContain("Exception");
    }

    @Test
    void theVersionIsTheProjectsVersionFromTheManifest() throws Exception {
        String version;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }

        Run r = launch(Map.of(), "--version");

        assertThat(version).isNotBlank().isNotEqualTo("${project.version}");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("threshold " + version);
    }

    @Test
    void theClassDataArchiveTheBuildMadeMapsIntoTheLaunchersJvm() throws Exception {
        // with -Xshare:on the JVM refuses to start unless it can use the archive
        Run r = launch(Map.of("THRESHOLD_JAVA_OPTS", "-Xshare:on"), "assess", "scenarios/moscow-struck.yaml", "--no-signposts");

        assertThat(Path.of("target", "threshold.jsa")).isRegularFile();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Posture     HOLD");
    }

    @Test
    void theJarHoldsOneLicenceAndOneNoticeForItsApacheLicensedParts() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> legal = jar.stream().map(e -> e.getName())
                    .filter(n -> n.matches("META-INF/(LICENSE|NOTICE)(\\.txt)?")).sorted().toList();
            String licence = new String(jar.getInputStream(jar.getEntry("META-INF/LICENSE")).readAllBytes(), StandardCharsets.UTF_8);
            String notice = new String(jar.getInputStream(jar.getEntry("META-INF/NOTICE")).readAllBytes(), StandardCharsets.UTF_8);

            assertThat(legal).containsExactly("META-INF/LICENSE", "META-INF/NOTICE");
            assertThat(licence).contains("Apache License").contains("Version 2.0");
            assertThat(notice).contains("Drools").contains("Apache");
            assertThat(jar.getEntry("org/apache/pdfbox/pdmodel/PDDocument.class")).as("XChart's PDF dependency").isNull();
        }
    }
}
