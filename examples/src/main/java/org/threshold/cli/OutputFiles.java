package org.threshold.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import picocli.CommandLine;

/**
 * Checks an output file given to an option before any work is done, so that a file that cannot be
 * written is an error of the arguments (exit code 2, the option named), never a failure after the
 * report was printed.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Checks that {@code file} ends in one of {@code extensions} (with their dot) and can be
     * written: its folder exists, it is not a folder itself, and a file can be created there (an
     * empty probe, removed at once where the file did not exist).
     *
     * @throws CommandLine.ParameterException naming the option, the file and the fix
     */
    static void check(CommandLine.Model.CommandSpec spec, String option, Path file, String what, String... extensions) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean known = false;
        for (String e : extensions) {
            known |= name.endsWith(e);
        }
        if (!known) {
            String last = extensions[extensions.length - 1];
            String all = extensions.length == 1 ? last
                    : String.join(", ", java.util.Arrays.asList(extensions).subList(0, extensions.length - 1)) + " or " + last;
            throw bad(spec, option + ": the " + what + " must end in " + all + " (" + file + ")");
        }
        if (Files.isDirectory(file)) {
            throw bad(spec, option + ": " + file + " is a folder, not a file. Maybe give a file in it, like "
                    + file.resolve("out" + extensions[0]) + ".");
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw bad(spec, option + ": cannot write " + file + ": the folder " + folder
                    + (Files.exists(folder) ? " is a file, not a folder" : " does not exist") + ". Maybe create it first, "
                    + "or choose another folder.");
        }
        boolean existed = Files.exists(file);
        try {
            try (OutputStream probe = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                probe.flush();
            }
            if (!existed) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw bad(spec, option + ": cannot write " + file + " (" + reason(e) + "). Maybe choose a folder you can write to.");
        }
    }

    /** Why a file cannot be written, in a few words. */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static CommandLine.ParameterException bad(CommandLine.Model.CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
