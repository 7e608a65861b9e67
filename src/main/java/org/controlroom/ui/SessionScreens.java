package org.controlroom.ui;

import java.awt.BorderLayout;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.controlroom.lesson.practice.SessionPlayer;
import org.controlroom.lesson.session.LessonSession;
import org.controlroom.lesson.session.MixSession;

/**
 * The screen of each session kind, by kind id: a kind's screen is registered here, next to the kind's
 * plug-in in lesson (DESIGN.md "A lesson kind is a plug-in").
 */
final class SessionScreens {

    /** A session's screen: its component, a busy message, and closing (player and meters stop). */
    interface Screen {
        JComponent component();

        void working(String message);

        /** Something failed (the submit, a save): say so and let the learner go on. */
        void problem(String message);

        void close();

        /**
         * The kind's own result screen for a submitted session (the mix's: measured against the
         * targets, the spectrum picture, back to the console), or empty for the common one.
         */
        default Optional<JComponent> result(org.controlroom.lesson.run.AttemptFinished result, String careerLine,
                                            Runnable lessons, Runnable keepWorking, Runnable tryAgain,
                                            Runnable nextLesson) {
            return Optional.empty();
        }
    }

    @FunctionalInterface
    private interface Factory {
        Screen make(LessonSession session, Optional<SessionPlayer> player, Consumer<Runnable> work, Runnable submit,
                    Runnable back);
    }

    private static final Map<String, Factory> SCREENS = Map.of("arrange", (session, player, work, submit, back) -> {
        org.controlroom.ui.arrange.ArrangePanel panel = new org.controlroom.ui.arrange.ArrangePanel(
                (org.controlroom.lesson.session.ArrangeSession) session, player, work, submit, back);
        return new Screen() {
            @Override
            public JComponent component() {
                return panel;
            }

            @Override
            public void working(String message) {
                panel.working(message);
            }

            @Override
            public void problem(String message) {
                panel.problem(message);
            }

            @Override
            public void close() {
                panel.dispose();
            }
        };
    }, "takes", (session, player, work, submit, back) -> {
        TakesPanel takes = new TakesPanel(
                (org.controlroom.lesson.session.TakesSession) session, player, work, submit, back);
        return new Screen() {
            @Override
            public JComponent component() {
                return takes;
            }

            @Override
            public void working(String message) {
                takes.working(message);
            }

            @Override
            public void problem(String message) {
                takes.problem(message);
            }

            @Override
            public void close() {
                takes.dispose();
            }
        };
    }, "mix", (session, player, work, submit, back) -> {
        MixConsolePanel console = new MixConsolePanel((MixSession) session, player, work, submit, back);
        return new Screen() {
            @Override
            public JComponent component() {
                return console;
            }

            @Override
            public void working(String message) {
                console.working(message);
            }

            @Override
            public void problem(String message) {
                console.problem(message);
            }

            @Override
            public void close() {
                console.dispose();
            }

            @Override
            public Optional<JComponent> result(org.controlroom.lesson.run.AttemptFinished result, String careerLine,
                                               Runnable lessons, Runnable keepWorking, Runnable tryAgain,
                                               Runnable nextLesson) {
                return Optional.of(new org.controlroom.ui.mix.MixResultPanel(result, careerLine, lessons, keepWorking,
                        Optional.of(tryAgain), Optional.of(nextLesson)));
            }
        };
    }, "budget", (session, player, work, submit, back) -> {
        player.ifPresent(SessionPlayer::close); // a budget has no sound
        var screen = new org.controlroom.ui.budget.BudgetPanel(
                (org.controlroom.lesson.session.BudgetSession) session, work, submit, back);
        return new Screen() {
            @Override
            public JComponent component() {
                return screen;
            }

            @Override
            public void working(String message) {
                screen.working(message);
            }

            @Override
            public void problem(String message) {
                screen.problem(message);
            }

            @Override
            public void close() {
                screen.dispose();
            }
        };
    });

    private SessionScreens() {
    }

    static Screen screenFor(LessonSession session, Optional<SessionPlayer> player, Consumer<Runnable> work,
                            Runnable submit, Runnable back) {
        Factory f = SCREENS.get(session.lesson().kind().id());
        if (f != null) {
            return f.make(session, player, work, submit, back);
        }
        JPanel p = new JPanel(new BorderLayout());
        p.add(new JLabel("<html>'" + session.lesson().title() + "' has no screen in the window yet: play it with"
                + " 'scenario play " + session.lesson().id() + " --plan FILE'.</html>"), BorderLayout.CENTER);
        JButton backButton = new JButton("\u2190 Lessons");
        backButton.addActionListener(e -> back.run());
        p.add(backButton, BorderLayout.SOUTH);
        player.ifPresent(SessionPlayer::close);
        return new Screen() {
            @Override
            public JComponent component() {
                return p;
            }

            @Override
            public void working(String message) {
            }

            @Override
            public void problem(String message) {
            }

            @Override
            public void close() {
            }
        };
    }
}
