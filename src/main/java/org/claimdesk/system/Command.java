package org.claimdesk.system;

import java.util.Set;

/**
 * A command of the packaged app ({@code java -jar quarkus-run.jar NAME ...}): a CDI bean of a feature, run by
 * {@link Commands} instead of the server, with no HTTP listener.
 */
public interface Command {

    /** The names that run it, as typed after the jar. */
    Set<String> names();

    /** Runs it with all the arguments, its name first; returns the process's exit code. */
    int run(String... args) throws Exception;
}
