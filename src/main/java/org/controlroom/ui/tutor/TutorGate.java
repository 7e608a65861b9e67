package org.controlroom.ui.tutor;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.EventQueue;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.SecondaryLoop;
import java.awt.Toolkit;
import java.awt.Window;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JRootPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

import org.controlroom.lesson.tutor.TutorAuth;
import org.controlroom.lesson.tutor.TutorException;
import org.controlroom.ui.text.Texts;

/**
 * The window's door to tutor mode: asks for the tutor's PIN (without showing it) and remembers a right one
 * for the rest of the window's session, until {@link #lock()}. Before the first PIN exists it offers to
 * set one. Every check runs off the event thread (on the window's worker, {@code MainWindow.work}); wrong
 * PINs slow the next try (the wait is shown, counting down).
 *
 * <p>Other screens call {@link #unlock(Component)}: it finds the gate of the component's window.
 */
public final class TutorGate {

    private static final String CLIENT_KEY = "controlroom.tutorGate";

    private final Supplier<TutorAuth> auth;
    private final Consumer<Runnable> worker;
    private boolean unlocked;
    private Runnable onChange = () -> { };

    /**
     * @param auth   the tutor's PIN check for the window's store (called on the worker)
     * @param worker runs store work off the event thread (the window's {@code work})
     */
    public TutorGate(Supplier<TutorAuth> auth, Consumer<Runnable> worker) {
        this.auth = auth;
        this.worker = worker;
    }

    /** Makes this the gate of {@code root}'s window, found by {@link #unlock(Component)}. */
    public void install(JRootPane root) {
        root.putClientProperty(CLIENT_KEY, this);
    }

    /** The gate of {@code c}'s window, if it has one. */
    public static Optional<TutorGate> of(Component c) {
        Window w = c instanceof Window win ? win : SwingUtilities.getWindowAncestor(c);
        while (w != null) {
            if (w instanceof javax.swing.RootPaneContainer rpc
                    && rpc.getRootPane().getClientProperty(CLIENT_KEY) instanceof TutorGate g) {
                return Optional.of(g);
            }
            w = w.getOwner();
        }
        return Optional.empty();
    }

    /**
     * For tutor-only screens and actions: true when the tutor is in (now, or earlier in this window's
     * session). Asks for the PIN (or, before there is one, offers to set it). Call on the event thread.
     */
    public static boolean unlock(Component parent) {
        return of(parent).map(g -> g.ask(parent, true)).orElse(false);
    }

    /**
     * For actions a tutor guards once one exists (renaming or removing a learner): true at once when no
     * tutor PIN is set, else as {@link #unlock(Component)} but without offering to set a PIN.
     */
    public static boolean permit(Component parent) {
        return of(parent).map(g -> g.ask(parent, false)).orElse(true);
    }

    /** As {@link #unlock(Component)}, on this gate. */
    public boolean ask(Component parent) {
        return ask(parent, true);
    }

    /** Whether the tutor is in. */
    public boolean unlocked() {
        return unlocked;
    }

    /** Leaves tutor mode: the next tutor action asks for the PIN again. */
    public void lock() {
        unlocked = false;
        onChange.run();
    }

    /** Told when the tutor comes in or leaves (the window's menu shows it). */
    public void onChange(Runnable r) {
        onChange = r;
    }

    private record State(boolean hasPin, Duration waitFor) {
    }

    /** Asks (modal) and returns whether the tutor is in. */
    boolean ask(Component parent, boolean offerToSet) {
        if (unlocked) {
            return true;
        }
        State state;
        try {
            state = offEdt(() -> {
                TutorAuth a = auth.get();
                return new State(a.hasPin(), a.waitBeforeNextTry());
            });
        } catch (RuntimeException e) {
            return false;
        }
        if (!state.hasPin()) {
            if (!offerToSet) {
                return true;
            }
            return setFirst(parent);
        }
        return enterPin(parent, state.waitFor());
    }

    private boolean enterPin(Component parent, Duration firstWait) {
        JDialog d = dialog(parent, Texts.get("tutor.gate.title"));
        JPasswordField pin = new JPasswordField(18);
        pin.setName("tutor.gate.pin");
        JLabel status = new JLabel(" ");
        status.setName("tutor.gate.status");
        JButton ok = new JButton(Texts.get("tutor.gate.ok"));
        ok.setName("tutor.gate.ok");
        JButton cancel = new JButton(Texts.get("tutor.gate.cancel"));
        cancel.setName("tutor.gate.cancel");
        JPanel fields = new JPanel(new GridLayout(0, 1, 4, 4));
        fields.add(new JLabel(Texts.get("tutor.gate.ask")));
        fields.add(pin);
        fields.add(status);
        AtomicReference<Boolean> result = new AtomicReference<>(false);
        Countdown countdown = new Countdown(status, ok);
        countdown.start(firstWait);
        ok.addActionListener(e -> {
            char[] typed = pin.getPassword();
            pin.setText("");
            ok.setEnabled(false);
            status.setText(Texts.get("tutor.gate.checking"));
            boolean right;
            Duration wait;
            try {
                right = offEdt(() -> auth.get().verify(typed));
                wait = right ? Duration.ZERO : offEdt(() -> auth.get().waitBeforeNextTry());
            } catch (RuntimeException ex) {
                status.setText(ex.getMessage());
                ok.setEnabled(true);
                return;
            } finally {
                Arrays.fill(typed, '\0');
            }
            if (right) {
                result.set(true);
                d.dispose();
            } else {
                Toolkit.getDefaultToolkit().beep();
                status.setText(Texts.get("tutor.gate.wrong"));
                countdown.start(wait);
                pin.requestFocusInWindow();
            }
        });
        cancel.addActionListener(e -> d.dispose());
        finish(d, fields, ok, cancel);
        countdown.stop();
        if (result.get()) {
            unlocked = true;
            onChange.run();
        }
        return result.get();
    }

    private boolean setFirst(Component parent) {
        JDialog d = dialog(parent, Texts.get("tutor.gate.setTitle"));
        JPasswordField first = new JPasswordField(18);
        first.setName("tutor.gate.newPin");
        JPasswordField again = new JPasswordField(18);
        again.setName("tutor.gate.newPinAgain");
        JLabel status = new JLabel(" ");
        status.setName("tutor.gate.status");
        JButton ok = new JButton(Texts.get("tutor.gate.set"));
        ok.setName("tutor.gate.ok");
        JButton cancel = new JButton(Texts.get("tutor.gate.cancel"));
        cancel.setName("tutor.gate.cancel");
        JPanel fields = new JPanel(new GridLayout(0, 1, 4, 4));
        fields.add(new JLabel("<html><body style='width: 320px'>" + Texts.get("tutor.gate.setAsk")));
        fields.add(first);
        fields.add(new JLabel(Texts.get("tutor.gate.setAgain")));
        fields.add(again);
        fields.add(status);
        AtomicReference<Boolean> result = new AtomicReference<>(false);
        ok.addActionListener(e -> {
            char[] a = first.getPassword();
            char[] b = again.getPassword();
            try {
                if (!Arrays.equals(a, b)) {
                    status.setText(Texts.get("tutor.gate.mismatch"));
                    return;
                }
                offEdt(() -> {
                    auth.get().setFirstPin(a);
                    return null;
                });
                result.set(true);
                d.dispose();
            } catch (TutorException ex) {
                status.setText(ex.getMessage());
            } catch (RuntimeException ex) {
                status.setText(String.valueOf(ex.getMessage()));
            } finally {
                Arrays.fill(a, '\0');
                Arrays.fill(b, '\0');
            }
        });
        cancel.addActionListener(e -> d.dispose());
        finish(d, fields, ok, cancel);
        if (result.get()) {
            unlocked = true;
            onChange.run();
        }
        return result.get();
    }

    private static JDialog dialog(Component parent, String title) {
        Window owner = parent == null ? null : parent instanceof Window w ? w : SwingUtilities.getWindowAncestor(parent);
        JDialog d = new JDialog(owner, title, java.awt.Dialog.ModalityType.DOCUMENT_MODAL);
        d.setName("tutor.gate");
        d.setDefaultCloseOperation(JDialog.DISPOSE_ON_CLOSE);
        return d;
    }

    private static void finish(JDialog d, JPanel fields, JButton ok, JButton cancel) {
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(cancel);
        buttons.add(ok);
        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.setBorder(BorderFactory.createEmptyBorder(14, 16, 10, 16));
        content.add(fields, BorderLayout.CENTER);
        content.add(buttons, BorderLayout.SOUTH);
        d.setContentPane(content);
        d.getRootPane().setDefaultButton(ok);
        d.getRootPane().registerKeyboardAction(e -> d.dispose(), KeyStroke.getKeyStroke("ESCAPE"),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        d.pack();
        d.setLocationRelativeTo(d.getOwner());
        d.setVisible(true); // modal: returns when the dialog is closed
        if (d.getOwner() != null) {
            d.getOwner().toFront(); // the window takes the keys again
        }
    }

    /** Shows "wait N s" and keeps OK disabled until the slowdown has passed. */
    private static final class Countdown {
        private final JLabel status;
        private final JButton ok;
        private Timer timer;

        Countdown(JLabel status, JButton ok) {
            this.status = status;
            this.ok = ok;
        }

        void start(Duration wait) {
            stop();
            if (wait.isZero() || wait.isNegative()) {
                ok.setEnabled(true);
                return;
            }
            long until = System.nanoTime() + wait.toNanos();
            String said = status.getText().strip();
            ok.setEnabled(false);
            tick(until, said);
            timer = new Timer(250, e -> tick(until, said));
            timer.start();
        }

        private void tick(long until, String said) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                stop();
                ok.setEnabled(true);
                status.setText(said.isEmpty() ? " " : said);
                return;
            }
            long s = (left + 999_999_999L) / 1_000_000_000L;
            status.setText((said.isEmpty() ? "" : said + " ") + Texts.get("tutor.gate.wait", s));
        }

        void stop() {
            if (timer != null) {
                timer.stop();
                timer = null;
            }
        }
    }

    /**
     * Runs {@code work} on the worker and waits for it while the event thread keeps drawing and handling
     * input (a secondary loop); rethrows what the work threw.
     */
    private <T> T offEdt(Callable<T> work) {
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        if (!EventQueue.isDispatchThread()) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        SecondaryLoop loop = Toolkit.getDefaultToolkit().getSystemEventQueue().createSecondaryLoop();
        worker.accept(() -> {
            try {
                value.set(work.call());
            } catch (RuntimeException e) {
                failure.set(e);
            } catch (Exception e) {
                failure.set(new IllegalStateException(e));
            } finally {
                loop.exit();
            }
        });
        loop.enter();
        if (failure.get() != null) {
            throw failure.get();
        }
        return value.get();
    }
}
