package org.threshold.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in this JVM and keeps what it printed. */
record CommandRunner(int exitCode, String out, String err) {

    static CommandRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ThresholdCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CommandRunner(code, out.toString(), err.toString());
    }
}
