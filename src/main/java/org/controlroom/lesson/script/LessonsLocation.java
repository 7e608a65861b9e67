package org.controlroom.lesson.script;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the shipped lessons are when none is named: {@code lessons/} in the current folder, else next
 * to the program (beside or one level above {@code control-room.jar}, as in a clone after
 * {@code mvn package}), so the app finds them whichever folder it is started from.
 */
public final class LessonsLocation {

    private LessonsLocation() {
    }

    /** The first candidate folder that exists, else {@code ./lessons} (which the caller reports as missing). */
    public static Path find() {
        for (Path p : candidates(Path.of("").toAbsolutePath(), codeLocation())) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return Path.of("lessons").toAbsolutePath().normalize();
    }

    static List<Path> candidates(Path workingDir, Optional<Path> code) {
        List<Path> out = new ArrayList<>();
        out.add(workingDir.resolve("lessons").normalize());
        code.ifPresent(c -> {
            Path dir = Files.isDirectory(c) ? c : c.getParent();
            for (Path d = dir; d != null && out.size() < 5; d = d.getParent()) {
                out.add(d.resolve("lessons").normalize());
            }
        });
        return out;
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = LessonsLocation.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
