package org.controlroom.ui.shell;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.controlroom.dsp.play.OutputDevices;

import com.formdev.flatlaf.FlatClientProperties;
import org.controlroom.ui.text.Texts;

/**
 * Settings: theme (dark, light, follow the system), sound output device, buffer size and a test tone,
 * the data folder and the way to "My music". Changes are kept at once ({@link Settings}); the window
 * applies them. Only draws and reports; the test tone and the device list run off the event thread.
 */
public final class SettingsPanel extends JPanel {

    /** What the learner changed or asked for. */
    public interface Actions {
        void theme(Settings.Theme theme);

        void device(String name);

        void buffer(int frames);

        /** Plays the test tone on the chosen device (off the event thread) and reports with {@link #showTone}. */
        void testTone();

        void dataFolder(Path folder);

        void myMusic();

        void back();
    }

    private static final String DEFAULT_DEVICE = "";

    private final JComboBox<String> theme = new JComboBox<>(new String[] {
            Texts.get("shell.settings.theme.dark"), Texts.get("shell.settings.theme.light"),
            Texts.get("shell.settings.theme.system")});
    private final JLabel themeNote = new JLabel(" ");
    private final JComboBox<String> device = new JComboBox<>();
    private final JComboBox<Integer> buffer = new JComboBox<>();
    private final JButton tone = new JButton(Texts.get("shell.settings.tone"));
    private final JLabel toneResult = new JLabel(" ");
    private final JLabel dataFolder = new JLabel(" ");
    private final JLabel dataNote = new JLabel(" ");
    private final JLabel status = new JLabel(" ");
    private List<String> deviceNames = List.of();
    private boolean filling;

    public SettingsPanel(Actions actions) {
        super(new BorderLayout(0, 16));
        setName("settingsScreen");
        setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        JLabel title = new JLabel(Texts.get("shell.settings.title"));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h1");
        add(title, BorderLayout.NORTH);

        theme.setName("themeBox");
        theme.setToolTipText(Texts.get("shell.settings.theme.tip"));
        theme.addActionListener(e -> {
            if (!filling) {
                actions.theme(Settings.Theme.values()[theme.getSelectedIndex()]);
            }
        });
        themeNote.setName("themeNote");
        device.setName("deviceBox");
        device.setToolTipText(Texts.get("shell.settings.device.tip"));
        device.addActionListener(e -> {
            int i = device.getSelectedIndex();
            if (!filling && i >= 0) {
                actions.device(i == 0 ? DEFAULT_DEVICE : deviceNames.get(i - 1));
            }
        });
        buffer.setName("bufferBox");
        for (int b : Settings.BUFFER_CHOICES) {
            buffer.addItem(b);
        }
        buffer.setToolTipText(Texts.get("shell.settings.buffer.tip"));
        buffer.addActionListener(e -> {
            if (!filling && buffer.getSelectedItem() != null) {
                actions.buffer((Integer) buffer.getSelectedItem());
            }
        });
        tone.setName("testTone");
        tone.setToolTipText(Texts.get("shell.settings.tone.tip"));
        tone.addActionListener(e -> {
            tone.setEnabled(false);
            toneResult.setText(Texts.get("shell.settings.tone.playing"));
            actions.testTone();
        });
        toneResult.setName("toneResult");
        dataFolder.setName("dataFolder");
        JButton chooseData = new JButton(Texts.get("shell.settings.data.choose"));
        chooseData.setName("chooseDataFolder");
        chooseData.addActionListener(e -> {
            JFileChooser fc = new JFileChooser();
            fc.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
            if (fc.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
                actions.dataFolder(fc.getSelectedFile().toPath());
            }
        });
        JButton music = new JButton(Texts.get("shell.settings.music"));
        music.setName("settingsMyMusic");
        music.setToolTipText(Texts.get("shell.settings.music.tip"));
        music.addActionListener(e -> actions.myMusic());

        JPanel form = new JPanel(new GridBagLayout());
        int row = 0;
        row = line(form, row, Texts.get("shell.settings.theme"), flow(theme, themeNote));
        row = line(form, row, Texts.get("shell.settings.device"), flow(device));
        row = line(form, row, Texts.get("shell.settings.buffer"), flow(buffer, new JLabel(Texts.get("shell.settings.buffer.unit"))));
        row = line(form, row, "", flow(tone));
        row = line(form, row, "", toneResult);
        row = line(form, row, Texts.get("shell.settings.data"), flow(dataFolder, chooseData));
        row = line(form, row, "", flow(dataNote));
        row = line(form, row, Texts.get("shell.settings.musicLabel"), flow(music));
        GridBagConstraints filler = new GridBagConstraints();
        filler.gridy = row;
        filler.weighty = 1;
        form.add(new JLabel(), filler);
        add(form, BorderLayout.CENTER);

        JButton back = new JButton(Texts.get("shell.back"));
        back.setName("settingsBack");
        back.setToolTipText(Texts.get("shell.back.tip"));
        back.addActionListener(e -> actions.back());
        JPanel south = new JPanel(new BorderLayout());
        south.add(back, BorderLayout.WEST);
        status.setName("settingsStatus");
        south.add(status, BorderLayout.CENTER);
        add(south, BorderLayout.SOUTH);
    }

    private static JPanel flow(JComponent... parts) {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        for (JComponent c : parts) {
            p.add(c);
        }
        return p;
    }

    private static int line(JPanel form, int row, String label, JComponent field) {
        GridBagConstraints l = new GridBagConstraints();
        l.gridx = 0;
        l.gridy = row;
        l.anchor = GridBagConstraints.LINE_START;
        l.insets = new Insets(6, 0, 6, 16);
        form.add(new JLabel(label), l);
        GridBagConstraints f = new GridBagConstraints();
        f.gridx = 1;
        f.gridy = row;
        f.weightx = 1;
        f.anchor = GridBagConstraints.LINE_START;
        f.fill = GridBagConstraints.HORIZONTAL;
        form.add(field, f);
        return row + 1;
    }

    /** Fills the screen from the settings and the devices found (empty: none, said so). */
    public void show(Settings s, List<OutputDevices.Device> devices, Path database, Optional<Boolean> systemDark) {
        filling = true;
        try {
            theme.setSelectedIndex(s.theme().ordinal());
            themeNote.setText(s.theme() == Settings.Theme.SYSTEM ? systemDark
                    .map(d -> Texts.get(d ? "shell.settings.theme.systemDark" : "shell.settings.theme.systemLight"))
                    .orElse(Texts.get("shell.settings.theme.systemUnknown")) : " ");
            deviceNames = devices.stream().map(OutputDevices.Device::name).toList();
            DefaultComboBoxModel<String> m = new DefaultComboBoxModel<>();
            m.addElement(Texts.get("shell.settings.device.default"));
            for (OutputDevices.Device d : devices) {
                m.addElement(d.name());
            }
            String chosen = s.outputDevice();
            if (!chosen.isEmpty() && !deviceNames.contains(chosen)) {
                // the chosen device is gone: keep showing it so the choice is not lost silently
                deviceNames = new java.util.ArrayList<>(deviceNames);
                deviceNames.add(chosen);
                m.addElement(chosen);
            }
            device.setModel(m);
            device.setSelectedIndex(chosen.isEmpty() ? 0 : deviceNames.indexOf(chosen) + 1);
            buffer.setSelectedItem(s.bufferFrames());
            if (devices.isEmpty()) {
                toneResult.setText(Texts.get("shell.settings.device.none"));
            }
            dataFolder.setText(database.toAbsolutePath().getParent().toString());
            dataNote.setText(s.dataFolder().map(f -> Texts.get("shell.settings.data.next", f)).orElse(
                    Texts.get("shell.settings.data.note")));
            status.setText(s.problem().isEmpty() ? Texts.get("shell.settings.saved", s.file()) : s.problem());
        } finally {
            filling = false;
        }
    }

    /** The test tone's outcome: empty = it played, else the error message. */
    public void showTone(Optional<String> error) {
        tone.setEnabled(true);
        toneResult.setText("<html><body style='width: 600px'>" + HomePanel.esc(error.map(m -> Texts.get(
                "shell.settings.tone.failed", m)).orElse(Texts.get("shell.settings.tone.played"))) + "</body></html>");
    }

    public void showStatus(String text) {
        status.setText(text);
    }
}
