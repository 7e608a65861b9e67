package org.controlroom.ui.author;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultHighlighter;
import javax.swing.undo.UndoManager;

import org.controlroom.lesson.pack.LessonLibrary;
import org.controlroom.lesson.pack.PackException;
import org.controlroom.lesson.pack.TutorLessons;
import org.controlroom.lesson.run.LessonKinds;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.ScriptProblem;
import org.controlroom.ui.pack.PackActions;
import org.controlroom.ui.text.Texts;

/**
 * The authoring window: a lesson script in an editor with undo, checked as it is typed (on the window's
 * worker, half a second after the last key): each problem marks its line in the gutter and the text,
 * and stands in the list below, where a click puts the caret on it. Save adds the lesson to the tutor's
 * lessons folder, never over a file or a taken id.
 */
public final class AuthorWindow extends JDialog {
    private static final Color MARK = new Color(0xE0, 0x40, 0x40);
    /** A new lesson starts from a small valid drill (lesson content, not window text). */
    static final String TEMPLATE = """
            id: my-lesson
            title: "My lesson"
            kind: drill
            rank: runner
            brief: >
              Say by how many decibels the second playing differs.
            xp: 20
            drill:
              exercise: level
              source: loops/drums.wav
              questions: 5
              clip_seconds: 2
              choices: [-6, -3, -1, 1, 3, 6]
              penalty_per_unit: 2
              target_seconds: 6
            scoring:
              pass_mark: 70
              weights: {accuracy: 0.8, speed: 0.2}
            """;

    private final PackActions.Host host;
    private final java.util.function.Consumer<Lesson> preview;
    private final LessonKinds kinds;
    private final Path assetsDir;
    private final JTextArea editor = new JTextArea(30, 90);
    private final DefaultListModel<ScriptProblem> problemModel = new DefaultListModel<>();
    private final JList<ScriptProblem> problemList = new JList<>(problemModel);
    private final JLabel state = new JLabel(" ");
    private final UndoManager undo = new UndoManager();
    private final Gutter gutter = new Gutter();
    private final Timer debounce;
    private final Object highlightTag = new Object();
    private Path file;
    private int generation;
    private Set<Integer> badLines = Set.of();

    /**
     * @param preview plays a valid lesson as a learner would, recording nothing (the window's practice screen)
     */
    public AuthorWindow(Window owner, PackActions.Host host, LessonKinds kinds, Path assetsDir,
                        java.util.function.Consumer<Lesson> preview) {
        super(owner, Texts.get("author.title"), ModalityType.MODELESS);
        this.preview = preview;
        this.host = host;
        this.kinds = kinds;
        this.assetsDir = assetsDir;
        setName("authorWindow");
        editor.setName("authorEditor");
        editor.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
        editor.setTabSize(2);
        editor.getDocument().addUndoableEditListener(e -> undo.addEdit(e.getEdit()));
        problemList.setName("authorProblems");
        problemList.setVisibleRowCount(6);
        problemList.setCellRenderer((list, p, index, selected, focus) -> {
            JLabel l = new JLabel(p.line() + ":" + p.column() + "  " + p.message());
            l.setOpaque(selected);
            if (selected) {
                l.setBackground(list.getSelectionBackground());
                l.setForeground(list.getSelectionForeground());
            }
            l.setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
            return l;
        });
        problemList.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && problemList.getSelectedValue() != null) {
                jumpTo(problemList.getSelectedValue());
            }
        });
        state.setName("authorState");
        debounce = new Timer(500, e -> check());
        debounce.setRepeats(false);
        editor.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                changed();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                changed();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
            }
        });

        JButton open = button("authorOpen", "author.open", this::open);
        JButton checkNow = button("authorCheck", "author.check", this::check);
        JButton save = button("authorSave", "author.save", this::save);
        JButton previewButton = button("authorPreview", "author.preview", this::preview);
        JButton undoButton = button("authorUndo", "author.undo", this::undo);
        JButton redoButton = button("authorRedo", "author.redo", this::redo);
        int ctrl = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        bind("undo", KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_Z, ctrl), this::undo);
        bind("redo", KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_Y, ctrl), this::redo);
        bind("save", KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_S, ctrl), this::save);

        JPanel tools = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 4));
        tools.add(open);
        tools.add(checkNow);
        tools.add(undoButton);
        tools.add(redoButton);
        tools.add(previewButton);
        tools.add(save);
        tools.add(state);
        JScrollPane code = new JScrollPane(editor);
        code.setRowHeaderView(gutter);
        JPanel south = new JPanel(new BorderLayout());
        south.add(new JLabel(" " + Texts.get("author.problems")), BorderLayout.NORTH);
        south.add(new JScrollPane(problemList), BorderLayout.CENTER);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, code, south);
        split.setResizeWeight(0.78);
        getContentPane().add(tools, BorderLayout.NORTH);
        getContentPane().add(split, BorderLayout.CENTER);
        setSize(1000, 720);
        setLocationRelativeTo(owner);
        showText(TEMPLATE);
    }

    private JButton button(String name, String key, Runnable action) {
        JButton b = new JButton(Texts.get(key));
        b.setName(name);
        b.addActionListener(e -> action.run());
        return b;
    }

    private void bind(String name, KeyStroke key, Runnable action) {
        editor.getInputMap(JComponent.WHEN_FOCUSED).put(key, name);
        editor.getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                action.run();
            }
        });
    }

    private void changed() {
        state.setText(Texts.get("author.edited"));
        debounce.restart();
    }

    /** Puts a script in the editor (its undo history starts here) and checks it. */
    public void showText(String text) {
        editor.setText(text);
        editor.setCaretPosition(0);
        undo.discardAllEdits();
        check();
    }

    /** Opens a lesson file (the file it is checked as: its assets resolve from its folder). */
    public void open(Path path) {
        host.work(() -> {
            try {
                String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
                SwingUtilities.invokeLater(() -> {
                    file = path;
                    setTitle(Texts.get("author.titleFile", path.getFileName()));
                    showText(text);
                });
            } catch (java.io.IOException e) {
                SwingUtilities.invokeLater(() -> state.setText(Texts.get("author.cannotOpen", path, e.getMessage())));
            }
        });
    }

    private void open() {
        JFileChooser c = new JFileChooser();
        c.setFileFilter(new javax.swing.filechooser.FileNameExtensionFilter(Texts.get("author.filter"), "yaml", "yml"));
        if (c.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            open(c.getSelectedFile().toPath());
        }
    }

    /** The file the buffer is checked as: the opened file, else a new file in the tutor's folder. */
    private Path checkedAs() {
        return file != null ? file : LessonLibrary.tutorLessons(host.dataFolder()).resolve("new-lesson.yaml");
    }

    /** Checks the buffer on the worker; the newest check wins. */
    public void check() {
        debounce.stop();
        String text = editor.getText();
        Path as = checkedAs();
        int mine = ++generation;
        state.setText(Texts.get("author.checking"));
        host.work(() -> {
            List<ScriptProblem> found;
            Optional<String> summary;
            try {
                LessonLoader.Check c = tutor().check(as, text);
                found = c.problems();
                summary = c.lesson().map(l -> l.id() + " \u2022 " + l.kind().id() + " \u2022 " + l.title());
            } catch (RuntimeException e) {
                found = List.of(new ScriptProblem(as, 1, 1, String.valueOf(e.getMessage())));
                summary = Optional.empty();
            }
            List<ScriptProblem> shown = found;
            Optional<String> ok = summary;
            SwingUtilities.invokeLater(() -> {
                if (mine == generation) {
                    showProblems(shown, ok);
                }
            });
        });
    }

    private TutorLessons tutor() {
        return new TutorLessons(new LessonLoader(kinds.formats()), host.library(), host.dataFolder(), assetsDir);
    }

    private void showProblems(List<ScriptProblem> found, Optional<String> lesson) {
        problemModel.clear();
        found.forEach(problemModel::addElement);
        Set<Integer> lines = new HashSet<>();
        found.forEach(p -> lines.add(p.line()));
        badLines = lines;
        editor.getHighlighter().removeAllHighlights();
        DefaultHighlighter.DefaultHighlightPainter paint = new DefaultHighlighter.DefaultHighlightPainter(
                new Color(MARK.getRed(), MARK.getGreen(), MARK.getBlue(), 60));
        for (int line : lines) {
            try {
                int l = Math.min(editor.getLineCount(), line) - 1;
                editor.getHighlighter().addHighlight(editor.getLineStartOffset(l), editor.getLineEndOffset(l), paint);
            } catch (BadLocationException e) {
                // the text changed meanwhile: the next check marks it again
            }
        }
        gutter.repaint();
        state.setText(found.isEmpty() ? Texts.get("author.valid", lesson.orElse(""))
                : Texts.get("author.invalid", found.size()));
    }

    /** Puts the caret on a problem's line and column. */
    void jumpTo(ScriptProblem p) {
        try {
            int line = Math.max(0, Math.min(editor.getLineCount(), p.line()) - 1);
            int start = editor.getLineStartOffset(line);
            int end = editor.getLineEndOffset(line);
            editor.setCaretPosition(Math.min(end, start + Math.max(0, p.column() - 1)));
            Rectangle r = editor.modelToView2D(editor.getCaretPosition()).getBounds();
            editor.scrollRectToVisible(r);
            editor.requestFocusInWindow();
        } catch (BadLocationException e) {
            editor.setCaretPosition(0);
        }
    }

    /** Preview: checks the buffer, then plays it in the practice screen if it is valid (nothing recorded). */
    void preview() {
        String text = editor.getText();
        Path as = checkedAs();
        host.work(() -> {
            LessonLoader.Check c = tutor().check(as, text);
            SwingUtilities.invokeLater(() -> {
                if (c.lesson().isPresent() && c.problems().isEmpty()) {
                    state.setText(Texts.get("author.previewing", c.lesson().get().title()));
                    preview.accept(c.lesson().get());
                } else {
                    showProblems(c.problems(), Optional.empty());
                    state.setText(Texts.get("author.previewInvalid", c.problems().size()));
                }
            });
        });
    }

    void undo() {
        if (undo.canUndo()) {
            undo.undo();
        }
    }

    void redo() {
        if (undo.canRedo()) {
            undo.redo();
        }
    }

    /** Save: the file name to use in the tutor's folder, then the save on the worker. */
    private void save() {
        String suggested = file != null ? file.getFileName().toString() : "new-lesson.yaml";
        String name = JOptionPane.showInputDialog(this, Texts.get("author.saveAs", LessonLibrary.tutorLessons(host.dataFolder())),
                suggested);
        if (name != null && !name.isBlank()) {
            save(name.strip());
        }
    }

    /** Saves the buffer as {@code fileName} in the tutor's lessons (on the worker) and reloads the catalogue. */
    public void save(String fileName) {
        String text = editor.getText();
        host.work(() -> {
            try {
                var lesson = tutor().save(fileName, text);
                host.reload();
                String open = host.tutorPinSet() ? "" : Texts.get("pack.noPin");
                SwingUtilities.invokeLater(() -> {
                    file = lesson.file();
                    setTitle(Texts.get("author.titleFile", file.getFileName()));
                    state.setText(Texts.get("author.saved", lesson.id(), lesson.file()) + open);
                });
            } catch (PackException e) {
                SwingUtilities.invokeLater(() -> {
                    state.setText(Texts.get("author.notSaved"));
                    JTextArea t = new JTextArea(String.join("\n", e.problems()), Math.min(12, e.problems().size() + 1), 70);
                    t.setEditable(false);
                    t.setLineWrap(true);
                    JOptionPane.showMessageDialog(this, new JScrollPane(t), Texts.get("author.notSaved"),
                            JOptionPane.ERROR_MESSAGE);
                });
            }
        });
    }

    /** The line numbers, with a mark on each line that has a problem. */
    private final class Gutter extends JComponent {
        Gutter() {
            setName("authorGutter");
        }

        @Override
        public Dimension getPreferredSize() {
            return new Dimension(48, editor.getPreferredSize().height);
        }

        @Override
        protected void paintComponent(Graphics g) {
            g.setColor(getBackground() != null ? getBackground() : Color.LIGHT_GRAY);
            Rectangle clip = g.getClipBounds();
            g.fillRect(clip.x, clip.y, clip.width, clip.height);
            g.setFont(editor.getFont());
            int h = editor.getFontMetrics(editor.getFont()).getHeight();
            int ascent = editor.getFontMetrics(editor.getFont()).getAscent();
            int top = editor.getInsets().top;
            int first = Math.max(0, (clip.y - top) / h);
            int last = Math.min(editor.getLineCount(), (clip.y + clip.height - top) / h + 1);
            for (int i = first; i < last; i++) {
                int y = top + i * h;
                if (badLines.contains(i + 1)) {
                    g.setColor(MARK);
                    g.fillOval(4, y + h / 2 - 4, 8, 8);
                }
                g.setColor(Color.GRAY);
                String n = String.valueOf(i + 1);
                g.drawString(n, 44 - g.getFontMetrics().stringWidth(n), y + ascent);
            }
        }
    }

    /** For tests: the editor, the problem list and the state line. */
    JTextArea editor() {
        return editor;
    }

    JList<ScriptProblem> problems() {
        return problemList;
    }

    JLabel stateLine() {
        return state;
    }

    /** The lines marked in the gutter (event thread). */
    public Set<Integer> markedLines() {
        return Set.copyOf(badLines);
    }

    static List<String> unused() {
        return new ArrayList<>();
    }
}
