package org.controlroom.ui.pack;

import java.awt.Component;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.controlroom.lesson.pack.LessonLibrary;
import org.controlroom.lesson.pack.PackClashException;
import org.controlroom.lesson.pack.PackException;
import org.controlroom.lesson.pack.PackExport;
import org.controlroom.lesson.pack.PackImport;
import org.controlroom.lesson.pack.PackLimits;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.ui.text.Texts;
import org.controlroom.ui.tutor.TutorGate;

/**
 * Import and export of lesson packs from the lesson list: a file chooser on the event thread, the work
 * (checking, unpacking, zipping) on the window's worker with its progress bar, every problem listed in
 * a dialog. Importing is a tutor action: the tutor's PIN is asked once one is set.
 */
public final class PackActions {

    /** What the window lends: its worker, the catalogue as loaded (read on the worker), a reload. */
    public interface Host {
        void work(Runnable r);

        /** The library as loaded now (called on the worker). */
        LessonLibrary library();

        LessonLoader loader();

        Path dataFolder();

        /** Loads the catalogue again (on the worker) and redraws the list. */
        void reload();

        /** A line in the list's status (event thread). */
        void status(String text);

        /** The progress bar's text (any thread). */
        void busy(String text);

        /** Whether a tutor PIN is set (on the worker); until one is, tutor actions are open to everyone. */
        boolean tutorPinSet();
    }

    private final Component parent;
    private final Host host;
    /** Picks a file (tests give their own instead of a chooser). */
    private Supplier<Optional<Path>> openChooser = this::chooseToOpen;
    private java.util.function.Function<String, Optional<Path>> saveChooser = this::chooseToSave;

    public PackActions(Component parent, Host host) {
        this.parent = parent;
        this.host = host;
    }

    /** For tests: where the "open" and "save" choosers' answers come from. */
    public void choosers(Supplier<Optional<Path>> open, java.util.function.Function<String, Optional<Path>> save) {
        this.openChooser = open;
        this.saveChooser = save;
    }

    /** Import pack…: PIN, a file, then the import on the worker (event thread). */
    public void importPack() {
        if (!TutorGate.permit(parent)) {
            host.status(Texts.get("pack.import.refused"));
            return;
        }
        openChooser.get().ifPresent(zip -> runImport(zip, Optional.empty()));
    }

    private void runImport(Path zip, Optional<PackImport.OnClash> onClash) {
        host.work(() -> {
            host.busy(Texts.get("pack.import.busy", zip.getFileName()));
            try {
                PackImport.Result r = new PackImport(host.loader(), host.library(), host.dataFolder(), PackLimits.STANDARD,
                        Clock.systemUTC()).importPack(zip, onClash);
                host.reload();
                String renamed = r.renamed().isEmpty() ? "" : Texts.get("pack.import.renamed", String.join(", ",
                        r.renamed().entrySet().stream().map(e -> e.getKey() + " \u2192 " + e.getValue()).toList()));
                String skipped = (r.skipped().isEmpty() ? "" : Texts.get("pack.import.skipped", String.join(", ", r.skipped())))
                        + (host.tutorPinSet() ? "" : Texts.get("pack.noPin"));
                SwingUtilities.invokeLater(() -> host.status(Texts.get("pack.import.done", r.pack(), r.imported().size())
                        + renamed + skipped));
            } catch (PackClashException e) {
                SwingUtilities.invokeLater(() -> askClash(zip, e));
            } catch (PackException e) {
                SwingUtilities.invokeLater(() -> problems(Texts.get("pack.import.failed", zip.getFileName()), e.problems()));
            }
        });
    }

    private void askClash(Path zip, PackClashException e) {
        Object[] options = {Texts.get("pack.clash.rename"), Texts.get("pack.clash.skip"), Texts.get("pack.clash.cancel")};
        int choice = JOptionPane.showOptionDialog(parent, list(e.problems()), Texts.get("pack.clash.title"),
                JOptionPane.DEFAULT_OPTION, JOptionPane.QUESTION_MESSAGE, null, options, options[0]);
        if (choice == 0) {
            runImport(zip, Optional.of(PackImport.OnClash.RENAME));
        } else if (choice == 1) {
            runImport(zip, Optional.of(PackImport.OnClash.SKIP));
        } else {
            host.status(Texts.get("pack.import.cancelled"));
        }
    }

    /** Export pack…: the lessons chosen in the list into a zip (event thread). */
    public void exportPack(List<String> ids) {
        if (ids.isEmpty()) {
            host.status(Texts.get("pack.export.none"));
            return;
        }
        saveChooser.apply(ids.size() == 1 ? ids.get(0) : "lessons").ifPresent(out -> host.work(() -> {
            host.busy(Texts.get("pack.export.busy", out.getFileName()));
            String name = packName(out);
            try {
                PackExport.Result r = new PackExport(host.library(), Clock.systemUTC()).export(ids, name, out);
                SwingUtilities.invokeLater(() -> host.status(Texts.get("pack.export.done", r.zip(), r.manifest().lessons().size(),
                        r.manifest().files().size())));
            } catch (PackException e) {
                SwingUtilities.invokeLater(() -> problems(Texts.get("pack.export.failed"), e.problems()));
            }
        }));
    }

    /** "Week 3 Mixing.zip" → "week-3-mixing". */
    static String packName(Path out) {
        String base = out.getFileName().toString().replaceFirst("(?i)\\.zip$", "").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return base.isEmpty() ? "pack" : base.substring(0, Math.min(64, base.length()));
    }

    private void problems(String title, List<String> problems) {
        JOptionPane.showMessageDialog(parent, list(problems), title, JOptionPane.ERROR_MESSAGE);
        host.status(title);
    }

    private static JScrollPane list(List<String> lines) {
        JTextArea text = new JTextArea(String.join("\n", lines), Math.min(14, lines.size() + 1), 70);
        text.setName("packProblems");
        text.setEditable(false);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        return new JScrollPane(text);
    }

    private Optional<Path> chooseToOpen() {
        JFileChooser c = new JFileChooser();
        c.setDialogTitle(Texts.get("pack.import.choose"));
        c.setFileFilter(new FileNameExtensionFilter(Texts.get("pack.filter"), "zip"));
        return c.showOpenDialog(parent) == JFileChooser.APPROVE_OPTION ? Optional.of(c.getSelectedFile().toPath())
                : Optional.empty();
    }

    private Optional<Path> chooseToSave(String suggested) {
        JFileChooser c = new JFileChooser();
        c.setDialogTitle(Texts.get("pack.export.choose"));
        c.setFileFilter(new FileNameExtensionFilter(Texts.get("pack.filter"), "zip"));
        c.setSelectedFile(new java.io.File(suggested + ".zip"));
        if (c.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION) {
            return Optional.empty();
        }
        Path p = c.getSelectedFile().toPath();
        return Optional.of(p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? p
                : p.resolveSibling(p.getFileName() + ".zip"));
    }

    static Consumer<String> ignore() {
        return s -> { };
    }
}
