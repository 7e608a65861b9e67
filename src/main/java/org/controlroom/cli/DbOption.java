package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import org.controlroom.store.DataLocation;
import org.controlroom.store.LearnerStore;

import picocli.CommandLine.Option;

/**
 * {@code --db PATH}: which learner database to use. Without it, the {@code CONTROL_ROOM_DB} environment
 * variable, then the OS's per-user data folder (see {@link DataLocation}).
 */
public final class DbOption {

    @Option(names = "--db", paramLabel = "PATH",
            description = "The learner database (default: $CONTROL_ROOM_DB, else the per-user data folder).")
    Path db;

    public Path path() {
        return DataLocation.resolve(Optional.ofNullable(db));
    }

    /** The data folder: the database's folder, where packs/ and the tutor's lessons/ live. */
    public Optional<Path> dataFolder() {
        return Optional.ofNullable(path().toAbsolutePath().getParent());
    }

    /** Opens the store; anything the user must know about (a damaged file set aside) goes to {@code err}. */
    public LearnerStore open(PrintWriter err) {
        Path file = path();
        Optional<String> special = org.controlroom.dsp.io.RegularFile.notRegular(file)
                .filter(kind -> !kind.equals("a folder"));   // folders are the store's to explain
        if (special.isPresent()) {
            throw new UserInputException("the learner database " + file + " is " + special.get()
                    + ", not a database file; give --db the path of an ordinary file");
        }
        LearnerStore store = LearnerStore.open(file);
        for (String notice : store.notices()) {
            err.println("control-room: " + notice);
        }
        err.flush();
        return store;
    }
}
