package org.hearth.nlp.risk;

import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves command-line paths the way a user means them when Maven runs the command. */
final class CommandPaths {

    private CommandPaths() {}

    /** A relative path that does not exist from here is read against the module's folder. */
    static Path resolve(String arg) {
        Path path = Path.of(arg);
        String base = System.getProperty("hearth.nlp.basedir");
        if (path.isAbsolute() || Files.exists(path) || base == null) {
            return path;
        }
        return Path.of(base).resolve(path);
    }
}
