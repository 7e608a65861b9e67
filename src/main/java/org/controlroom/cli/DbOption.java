package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import org.controlroom.store.DataLocation;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.StoreLocation;

import picocli.CommandLine.Option;

/**
 * {@code --db PATH|URL}: which learner database to use, a file or a classroom server
 * ({@code postgresql://ROLE@HOST:PORT/DATABASE}, the password from PGPASSWORD or .pgpass). Without it, the
 * {@code CONTROL_ROOM_DB} environment variable, then the OS's per-user data folder (see {@link DataLocation}).
 */
public final class DbOption {

    @Option(names = "--db", paramLabel = "PATH|URL",
            description = "The learner database: a file, or a classroom server postgresql://ROLE@HOST:PORT/DATABASE"
                    + " (password from PGPASSWORD or ~/.pgpass) (default: $CONTROL_ROOM_DB, else the per-user data folder).")
    String db;

    public StoreLocation location() {
        return DataLocation.locate(Optional.ofNullable(db));
    }

    /** The data folder: the database's folder, where packs/ and the tutor's lessons/ live. */
    public Optional<Path> dataFolder() {
        StoreLocation location = location();
        if (location instanceof StoreLocation.Server server) {
            return Optional.of(server.localFolder());   // a classroom server: this computer's data folder
        }
        return Optional.ofNullable(((StoreLocation.File) location).path().toAbsolutePath().getParent());
    }

    /** Opens the store; anything the user must know about (a damaged file set aside) goes to {@code err}. */
    public LearnerStore open(PrintWriter err) {
        StoreLocation location = location();
        if (location instanceof StoreLocation.File f) {
            Optional<String> special = org.controlroom.dsp.io.RegularFile.notRegular(f.path())
                    .filter(kind -> !kind.equals("a folder"));   // folders are the store's to explain
            if (special.isPresent()) {
                throw new UserInputException("the learner database " + f.path() + " is " + special.get()
                        + ", not a database file; give --db the path of an ordinary file");
            }
        }
        LearnerStore store = LearnerStore.open(location);
        for (String notice : store.notices()) {
            err.println("control-room: " + notice);
        }
        err.flush();
        return location instanceof StoreLocation.Server ? new TellingStore(store, err) : store;
    }
}
