package org.claimdesk.system;

import java.util.TreeSet;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.runtime.QuarkusApplication;

/** Runs the feature's {@link Command} named by the first argument, or says which commands there are. */
public class Commands implements QuarkusApplication {

    @Inject
    @Any
    Instance<Command> commands;

    @Override
    public int run(String... args) throws Exception {
        TreeSet<String> names = new TreeSet<>();
        for (Command command : commands) {
            if (command.names().contains(args[0])) {
                return command.run(args);
            }
            names.addAll(command.names());
        }
        System.err.println("Unknown command \"" + args[0] + "\". The commands are: "
                + String.join(", ", names) + "; with no command the app starts its server.");
        return 2;
    }
}
