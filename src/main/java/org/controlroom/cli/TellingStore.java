package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.controlroom.store.AssignmentRepository;
import org.controlroom.store.AttemptRepository;
import org.controlroom.store.ClassRepository;
import org.controlroom.store.GradebookRepository;
import org.controlroom.store.LearnerRepository;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.MusicLibraryRepository;
import org.controlroom.store.ProgressRepository;
import org.controlroom.store.SessionRepository;
import org.controlroom.store.TutorRepository;

/**
 * A command's store that, when the command is done with it, says on standard error what the user should
 * know (a classroom server unreachable, answers kept on this computer to be sent when it is back).
 */
final class TellingStore implements LearnerStore {

    private final LearnerStore store;
    private final PrintWriter err;

    TellingStore(LearnerStore store, PrintWriter err) {
        this.store = store;
        this.err = err;
    }

    @Override
    public LearnerRepository learners() {
        return store.learners();
    }

    @Override
    public AttemptRepository attempts() {
        return store.attempts();
    }

    @Override
    public ProgressRepository progress() {
        return store.progress();
    }

    @Override
    public SessionRepository sessions() {
        return store.sessions();
    }

    @Override
    public MusicLibraryRepository music() {
        return store.music();
    }

    @Override
    public TutorRepository tutor() {
        return store.tutor();
    }

    @Override
    public ClassRepository classes() {
        return store.classes();
    }

    @Override
    public AssignmentRepository assignments() {
        return store.assignments();
    }

    @Override
    public GradebookRepository gradebook() {
        return store.gradebook();
    }

    @Override
    public org.controlroom.store.CareerRepository careers() {
        return store.careers();
    }

    @Override
    public Path file() {
        return store.file();
    }

    @Override
    public String where() {
        return store.where();
    }

    @Override
    public Optional<String> status() {
        return store.status();
    }

    @Override
    public List<String> notices() {
        return store.notices();
    }

    @Override
    public void close() {
        try {
            store.status().ifPresent(s -> {
                err.println("control-room: " + s);
                err.flush();
            });
        } finally {
            store.close();
        }
    }
}
