package org.controlroom.store;

import java.nio.file.Path;
import java.util.List;

/**
 * "My music": the files and folders each learner added, remembered between runs. A path is kept as
 * given, made absolute (never resolved further: a folder stays a folder, a file that later moves stays
 * listed so it can be shown as moved). Each call is one committed transaction.
 */
public interface MusicLibraryRepository {

    /**
     * Adds a file or folder to the learner's music; committed before this returns.
     *
     * @return false when the learner already had exactly this path (nothing changes)
     */
    boolean add(long learnerId, Path path);

    /**
     * Forgets a path the learner added.
     *
     * @return false when the learner had no such path
     */
    boolean remove(long learnerId, Path path);

    /** The learner's paths, absolute, in the order they were added. */
    List<Path> list(long learnerId);
}
