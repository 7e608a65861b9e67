package org.controlroom.ui;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;

/** What the window's GUI tests share: waiting for a state, finding a component by name. */
final class GuiSupport {
    private GuiSupport() {
    }

    /** Waits (up to {@code seconds}) until {@code ok} holds; fails naming {@code what}. */
    static void waitFor(String what, int seconds, BooleanSupplier ok) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return ok.getAsBoolean();
            }
        }, Timeout.timeout(seconds, TimeUnit.SECONDS));
    }

    /** The first component called {@code name} under {@code root} (only a showing one, if asked); null if none. Call on the EDT. */
    /** The component named {@code name} under {@code root}, shown or not; an assertion error when there is none. */
    static Component named(Component root, String name) {
        Component c = find(root, name, false);
        if (c == null) {
            throw new AssertionError("no component named " + name);
        }
        return c;
    }

    /** The text of the label, text area or button named {@code name} under {@code root}, read on the event thread. */
    static String text(Component root, String name) {
        return org.assertj.swing.edt.GuiActionRunner.execute(() -> {
            Component c = named(root, name);
            return c instanceof javax.swing.JLabel l ? l.getText()
                    : c instanceof javax.swing.JTextArea a ? a.getText() : ((javax.swing.AbstractButton) c).getText();
        });
    }

    static Component find(Component root, String name, boolean showingOnly) {
        ArrayDeque<Component> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Component c = todo.poll();
            if (name.equals(c.getName()) && (!showingOnly || c.isShowing())) {
                return c;
            }
            if (c instanceof Container k) {
                todo.addAll(List.of(k.getComponents()));
            }
        }
        return null;
    }
}
