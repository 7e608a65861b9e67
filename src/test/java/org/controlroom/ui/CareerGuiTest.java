package org.controlroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.swing.JTable;

import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.controlroom.cli.CliHarness;
import org.controlroom.store.LearnerStore;
import org.controlroom.ui.career.CareerPanel;
import org.controlroom.ui.career.CareerScreens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Career mode in the window: the empty state, starting a freelance career, taking an offer with Ctrl+T,
 * a week on with Ctrl+N; the dashboard then shows what {@code career status --json} prints for the same
 * database (run in-process, as the command-line tests do). Play opens a booked job's lesson and the way
 * back leads to the dashboard.
 */
@Tag("gui")
class CareerGuiTest {

    @TempDir
    Path dir;

    private FrameFixture window;
    private MainWindow frame;
    private final Path project = Path.of(System.getProperty("controlroom.project.dir", "."));

    private Path db() {
        return dir.resolve("cr.db");
    }

    private void open() {
        assumeFalse(GraphicsEnvironment.isHeadless(),
                "no display: GUI tests run under Xvfb (xvfb-run -a mvn test), as .ci/run does");
        try (LearnerStore store = LearnerStore.open(db())) {
            store.learners().add("Ana");
        }
        AppConfig config = new AppConfig(project.resolve("lessons"), project.resolve("audio-assets"), db(),
                dir.resolve("settings.properties"));
        frame = GuiActionRunner.execute(() -> {
            ControlRoomApp.installLookAndFeel();
            return new MainWindow(config);
        });
        window = new FrameFixture(frame);
        window.show(new java.awt.Dimension(1240, 760));
        waitFor("home", () -> text("homeLearner").startsWith("Ana"));
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.cleanUp();
        }
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier ok) {
        GuiSupport.waitFor(what, 30, ok);
    }

    private Component named(String name) {
        return GuiSupport.named(window.target(), name);
    }

    private String text(String name) {
        return GuiSupport.text(window.target(), name);
    }

    private CareerPanel panel() {
        return GuiActionRunner.execute(() -> frame.careerScreens().panel());
    }

    private <T> T onEdt(java.util.concurrent.Callable<T> what) {
        return GuiActionRunner.execute(what);
    }

    private String screen() {
        return GuiActionRunner.execute(() -> frame.currentScreen());
    }

    private void ctrl(int key) {
        window.pressAndReleaseKey(KeyPressInfo.keyCode(key).modifiers(Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx()));
    }

    /** Fires the dashboard's binding for Ctrl+key as Swing would for a key press in the window. */
    private void shortcut(int key) {
        GuiActionRunner.execute(() -> {
            javax.swing.JComponent p = panel();
            javax.swing.KeyStroke ks = javax.swing.KeyStroke.getKeyStroke(key,
                    Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx());
            Object name = p.getInputMap(javax.swing.JComponent.WHEN_IN_FOCUSED_WINDOW).get(ks);
            assertThat(name).as("a binding for " + ks).isNotNull();
            p.getActionMap().get(name).actionPerformed(new java.awt.event.ActionEvent(p, 0, String.valueOf(name)));
        });
    }

    private JsonNode status() throws Exception {
        CliHarness.Result r = CliHarness.run("career", "status", "--learner", "Ana", "--json", "--db", db().toString(),
                "--lessons", project.resolve("lessons").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void startTakeAndAWeekOnShowWhatCareerStatusPrints() throws Exception {
        open();
        // Go ▸ Career dashboard: no career yet, the explanation and the start form
        window.menuItemWithPath("Go", "Career dashboard").click();
        waitFor("the career screen", () -> "career".equals(screen()));
        waitFor("the empty state", () -> onEdt(() -> panel().showing()).equals("empty")
                && text("career.status").contains("No career yet"));
        assertThat(text("career.empty.intro")).contains("working life");

        window.textBox("career.empty.seedField").setText("not a number");
        window.button("career.empty.start").click();
        waitFor("the seed refused in words", () -> text("career.status").contains("whole number"));
        window.textBox("career.empty.seedField").setText("20261202");
        window.radioButton("career.empty.freelance").click();
        window.button("career.empty.start").click();
        waitFor("the dashboard at week 0", () -> onEdt(() -> panel().showing()).equals("dashboard")
                && onEdt(() -> panel().text("week")).equals("Week 0"));
        assertThat(text("career.status")).contains("seed 20261202");
        assertThat(onEdt(() -> panel().text("path"))).isEqualTo("Freelance");
        int offers = onEdt(() -> panel().offerCount());
        assertThat(offers).as("a freelance career starts with offers").isPositive();
        String firstOffer = onEdt(() -> (String) ((JTable) named("career.offers")).getValueAt(0, 2));

        // Take books the chosen offer (a click chooses the first): it becomes a booked job
        window.table("career.offers").cell(org.assertj.swing.data.TableCell.row(0).column(0)).click();
        window.button("career.take").click();
        waitFor("the offer taken", () -> onEdt(() -> panel().jobCount()) == 1
                || !text("career.status").contains("seed 20261202"));
        assertThat(onEdt(() -> panel().jobCount())).as(text("career.status")).isEqualTo(1);
        assertThat(text("career.status")).contains("Took").contains(firstOffer);
        assertThat(onEdt(() -> (String) ((JTable) named("career.jobs")).getValueAt(0, 1))).isEqualTo(firstOffer);
        assertThat(onEdt(() -> (String) ((JTable) named("career.jobs")).getValueAt(0, 3))).isEqualTo("Booked");
        assertThat(onEdt(() -> panel().offerCount())).isEqualTo(offers - 1);
        // the calendar books it in the weeks up to its deadline, the whole title wrapped in the cell
        int due = status().get("jobs").get(0).get("dueWeek").asInt();
        assertThat(text("career.calendar." + due + ".lines")).contains(firstOffer);
        assertThat(text("career.calendar." + (due + 1) + ".lines")).isEqualTo("free");

        // Ctrl+N: a week on (the window's key binding, fired on the event thread: under Xvfb without a window
        // manager the robot's keys do not reach the frame once a menu has been used)
        shortcut(KeyEvent.VK_N);
        waitFor("week 1", () -> onEdt(() -> panel().text("week")).equals("Week 1"));

        JsonNode s = status();
        assertThat(onEdt(() -> panel().text("week"))).isEqualTo("Week " + s.get("week").asInt());
        assertThat(onEdt(() -> panel().text("cash"))).isEqualTo(CareerScreens.money(s.get("cashPence").asLong()));
        assertThat(onEdt(() -> panel().offerCount())).isEqualTo(s.get("offers").size());
        List<String> rep = new ArrayList<>();
        s.get("reputation").fields().forEachRemaining(e -> rep.add(String.format(Locale.ROOT, "%.1f", e.getValue().asDouble())));
        List<String> bars = onEdt(() -> panel().reputationTexts());
        assertThat(bars).hasSize(rep.size());
        for (int i = 0; i < rep.size(); i++) {
            assertThat(bars.get(i)).endsWith(": " + rep.get(i));
        }
        JsonNode next = s.get("nextRank");
        assertThat(onEdt(() -> panel().text("xp"))).isEqualTo(next.get("xpHave").asInt() + " / " + next.get("xpNeeded").asInt() + " XP");
        assertThat(onEdt(() -> panel().text("credits"))).startsWith(next.get("creditsHave").asInt() + " / "
                + next.get("creditsNeeded").asInt());
        assertThat(onEdt(() -> panel().text("reputation"))).isEqualTo(String.format(Locale.ROOT, "reputation %.1f / %.1f",
                next.get("reputationHave").asDouble(), next.get("reputationNeeded").asDouble()));
        assertThat(onEdt(() -> panel().ledgerCount())).isEqualTo(s.get("ledger").size());

        // Play opens the booked job's lesson; the way back (Esc from its brief) is the dashboard again
        GuiActionRunner.execute(() -> ((JTable) named("career.jobs")).setRowSelectionInterval(0, 0));
        window.button("career.play").click();
        waitFor("the practice screen", () -> "practice".equals(screen()));
        GuiActionRunner.execute(() -> frame.back());
        waitFor("back on the dashboard", () -> "career".equals(screen())
                && onEdt(() -> panel().text("week")).equals("Week 1"));
    }

    @Test
    void declineRemovesTheOfferAndSwitchAsksFirstThenChangesThePathAndPays() throws Exception {
        open();
        window.menuItemWithPath("Go", "Career dashboard").click();
        waitFor("the empty state", () -> onEdt(() -> panel().showing()).equals("empty"));
        window.textBox("career.empty.seedField").setText("77");
        window.radioButton("career.empty.freelance").click();
        window.button("career.empty.start").click();
        waitFor("the dashboard", () -> onEdt(() -> panel().showing()).equals("dashboard"));
        int offers = onEdt(() -> panel().offerCount());
        assertThat(offers).isGreaterThan(1);
        String declined = onEdt(() -> (String) ((JTable) named("career.offers")).getValueAt(0, 2));
        String declinedId = status().get("offers").get(0).get("id").asText();

        // Decline: the chosen offer leaves the inbox, in the window and in what the command line reads
        window.table("career.offers").cell(org.assertj.swing.data.TableCell.row(0).column(0)).click();
        window.button("career.decline").click();
        waitFor("the offer declined", () -> onEdt(() -> panel().offerCount()) == offers - 1);
        assertThat(text("career.status")).contains("Declined").contains(declined);
        JsonNode afterDecline = status();
        assertThat(afterDecline.get("offers").size()).isEqualTo(offers - 1);
        afterDecline.get("offers").forEach(o -> assertThat(o.get("id").asText()).isNotEqualTo(declinedId));
        long cash = afterDecline.get("cashPence").asLong();

        // Switch asks first: Cancel changes nothing
        window.button("career.switch").click();
        org.assertj.swing.fixture.JOptionPaneFixture ask = window.optionPane();
        assertThat(ask.target().getMessage().toString()).contains("employed at a studio");
        ask.cancelButton().click();
        window.robot().waitForIdle();
        assertThat(onEdt(() -> panel().text("path"))).isEqualTo("Freelance");
        assertThat(status().get("path").asText()).isEqualToIgnoringCase("freelance");

        // OK switches: the path is employed and the switch's cost is paid, as the command line reads it
        window.button("career.switch").click();
        window.optionPane().okButton().click();
        waitFor("employed", () -> onEdt(() -> panel().text("path")).equals("Employed at a studio"));
        JsonNode after = status();
        assertThat(after.get("path").asText()).isEqualToIgnoringCase("employed");
        assertThat(onEdt(() -> panel().text("cash"))).isEqualTo(CareerScreens.money(after.get("cashPence").asLong()));
        assertThat(after.get("cashPence").asLong()).isLessThan(cash);
        assertThat(text("career.status")).contains("Now Employed at a studio");
        // the chart puts the switch's cost below zero in the week it was paid
        double paid = (cash - after.get("cashPence").asLong()) / 100.0;
        assertThat(onEdt(() -> panel().incomeData().getValue("costs (dry weeks, switching path)",
                String.valueOf(after.get("week").asInt())).doubleValue())).isEqualTo(-paid);
        // employed: the studio assigns the jobs, so there is nothing to take or decline
        assertThat(onEdt(() -> named("career.take").isEnabled())).isFalse();
        assertThat(onEdt(() -> named("career.decline").isEnabled())).isFalse();
    }
}
