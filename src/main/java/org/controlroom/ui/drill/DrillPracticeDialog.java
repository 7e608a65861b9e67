package org.controlroom.ui.drill;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

import org.controlroom.lesson.practice.DrillPracticeSettings;
import org.controlroom.lesson.script.AssetSource;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.GeneratorSource;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.SoundSource;
import org.controlroom.ui.text.Texts;

/**
 * Practice mode in the window: the learner picks a drill and sets its bands (grid), gain, Q, sound and
 * number of questions; the attempt that follows earns no XP and moves no threshold.
 */
public final class DrillPracticeDialog extends JPanel {

    /** What the learner chose. */
    public record Choice(String lessonId, DrillPracticeSettings settings) {
    }

    private record Named<T>(String label, T value) {
        @Override
        public String toString() {
            return label;
        }
    }

    final JComboBox<Named<Lesson>> lesson = new JComboBox<>();
    final JComboBox<Named<String>> grid = new JComboBox<>();
    final JSpinner gain = new JSpinner(new SpinnerNumberModel(6.0, -24.0, 24.0, 0.5));
    final JSpinner q = new JSpinner(new SpinnerNumberModel(1.4, 0.1, 20.0, 0.1));
    final JComboBox<Named<SoundSource>> source = new JComboBox<>();
    final JSpinner questions = new JSpinner(new SpinnerNumberModel(10, 1, 100, 1));

    /**
     * @param drills   the drill lessons the learner may play
     * @param selected the lesson to start from, if one is chosen in the list
     * @param assets   the audio assets folder (its songs are offered as sounds)
     */
    public DrillPracticeDialog(List<Lesson> drills, Optional<String> selected, Path assets) {
        super(new GridBagLayout());
        setName("drillPracticeDialog");
        lesson.setName("practiceLesson");
        grid.setName("practiceGrid");
        gain.setName("practiceGain");
        q.setName("practiceQ");
        source.setName("practiceSource");
        questions.setName("practiceQuestions");
        for (Lesson l : drills) {
            lesson.addItem(new Named<>(l.title(), l));
            if (selected.filter(l.id()::equals).isPresent()) {
                lesson.setSelectedIndex(lesson.getItemCount() - 1);
            }
        }
        grid.addItem(new Named<>(Texts.get("drill.practice.grid.lesson"), null));
        grid.addItem(new Named<>(Texts.get("drill.practice.grid.octave"), "octave"));
        grid.addItem(new Named<>(Texts.get("drill.practice.grid.twoThirds"), "two-thirds"));
        grid.addItem(new Named<>(Texts.get("drill.practice.grid.third"), "third"));
        source.addItem(new Named<>(Texts.get("drill.practice.source.lesson"), null));
        for (String g : GeneratorSource.NAMES) {
            source.addItem(new Named<>(g, new GeneratorSource(g)));
        }
        for (Path mix : songMixes(assets)) {
            String rel = assets.relativize(mix).toString().replace('\\', '/');
            source.addItem(new Named<>(rel, new AssetSource(rel, mix)));
        }
        int y = 0;
        row(y++, "drill.practice.lesson", lesson);
        row(y++, "drill.practice.grid", grid);
        row(y++, "drill.practice.gain", gain);
        row(y++, "drill.practice.q", q);
        row(y++, "drill.practice.source", source);
        row(y++, "drill.practice.questions", questions);
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = y;
        c.gridwidth = 2;
        c.insets = new Insets(10, 4, 4, 4);
        add(new JLabel("<html>" + Texts.get("drill.practice.note") + "</html>"), c);
        lesson.addActionListener(e -> fromLesson());
        fromLesson();
    }

    private static List<Path> songMixes(Path assets) {
        List<Path> out = new ArrayList<>();
        Path songs = assets.resolve("songs");
        if (Files.isDirectory(songs)) {
            try (var dirs = Files.list(songs)) {
                dirs.sorted().map(d -> d.resolve("mix.ogg")).filter(Files::isRegularFile).forEach(out::add);
            } catch (java.io.IOException e) {
                return out;
            }
        }
        return out;
    }

    private void row(int y, String key, Component field) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = y;
        c.insets = new Insets(4, 4, 4, 8);
        c.anchor = GridBagConstraints.WEST;
        add(new JLabel(Texts.get(key)), c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        add(field, c);
    }

    /** The lesson's own values as the starting point; the grid only for band drills. */
    private void fromLesson() {
        Named<Lesson> l = lesson.getItemAt(lesson.getSelectedIndex());
        if (l == null) {
            return;
        }
        DrillSection d = (DrillSection) l.value().section();
        gain.setValue(d.gainDb() == 0 ? 6.0 : Math.max(-24, Math.min(24, d.gainDb())));
        q.setValue(Math.max(0.1, Math.min(20, d.q())));
        questions.setValue(d.questions());
        grid.setSelectedIndex(0);
        grid.setEnabled(d.exercise() == DrillExercise.EQ_FREQUENCY);
        boolean eq = d.exercise() == DrillExercise.EQ_FREQUENCY || d.exercise() == DrillExercise.EQ_BOOST_CUT
                || d.exercise() == DrillExercise.EQ_Q || d.exercise() == DrillExercise.EQ_MATCH;
        gain.setEnabled(eq);
        // eq-match: the gain is the largest hidden gain; its Q range is the lesson's
        q.setEnabled(eq && d.exercise() != DrillExercise.EQ_Q && d.exercise() != DrillExercise.EQ_MATCH);
        source.setEnabled(d.exercise() != DrillExercise.MIX_LEVEL);
    }

    /** The choice as set (the fields left at the lesson's values are passed on too: they change nothing). */
    public Choice choice() {
        Lesson l = lesson.getItemAt(lesson.getSelectedIndex()).value();
        Named<String> g = grid.getItemAt(grid.getSelectedIndex());
        Named<SoundSource> s = source.getItemAt(source.getSelectedIndex());
        double gv = ((Number) gain.getValue()).doubleValue();
        return new Choice(l.id(), new DrillPracticeSettings(Optional.ofNullable(g.value()),
                gain.isEnabled() && gv != 0 ? Optional.of(gv) : Optional.empty(),
                q.isEnabled() ? Optional.of(((Number) q.getValue()).doubleValue()) : Optional.empty(),
                source.isEnabled() ? Optional.ofNullable(s.value()) : Optional.empty(),
                Optional.of(((Number) questions.getValue()).intValue())));
    }

    /** Asks (on the event thread); empty when cancelled. */
    public static Optional<Choice> ask(Component parent, List<Lesson> drills, Optional<String> selected, Path assets) {
        if (drills.isEmpty()) {
            return Optional.empty();
        }
        DrillPracticeDialog d = new DrillPracticeDialog(drills, selected, assets);
        JPanel wrap = new JPanel(new BorderLayout());
        wrap.add(d, BorderLayout.CENTER);
        int r = JOptionPane.showConfirmDialog(parent, wrap, Texts.get("drill.practice.title"),
                JOptionPane.OK_CANCEL_OPTION, JOptionPane.PLAIN_MESSAGE);
        return r == JOptionPane.OK_OPTION ? Optional.of(d.choice()) : Optional.empty();
    }
}
