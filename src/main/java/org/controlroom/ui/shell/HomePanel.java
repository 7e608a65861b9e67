package org.controlroom.ui.shell;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;

import org.controlroom.lesson.practice.HomeSummary;

import com.formdev.flatlaf.FlatClientProperties;
import org.controlroom.ui.text.Texts;

/**
 * Home: the learner's rank and XP to the next rank, the suggested next lesson, today's streak,
 * assignments due, recent results; each card opens what it names. Before anyone trains it holds the
 * first start ({@link FirstStartPanel}). Only draws and reports clicks.
 */
public final class HomePanel extends JPanel {

    /** What the cards open. */
    public interface Actions {
        /** The lesson list. */
        void lessons();

        /** The lesson list with this lesson selected (a recent result). */
        void showLesson(String lessonId);

        /** Opens the lesson's brief to play it. */
        void play(String lessonId);

        /** The career path (the walk through the ranks). */
        void career();

        /** The career dashboard (jobs, ledger, reputation). */
        void careerDashboard();
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final Actions actions;
    private final JLabel who = new JLabel(" ");
    private final JPanel centre = new JPanel(new BorderLayout());
    private final JButton rank = card("homeRank");
    private final JButton suggestion = card("homeSuggestion");
    private final JButton streak = card("homeStreak");
    private final JButton assignments = card("homeAssignments");
    private final JButton careerCard = card("homeCareer");
    private final JPanel recent = new JPanel(new GridLayout(0, 1, 0, 4));
    private final JPanel dashboard;
    private Optional<String> suggestedId = Optional.empty();

    public HomePanel(Actions actions, JComponent firstStart) {
        super(new BorderLayout(0, 16));
        this.actions = actions;
        setName("homeScreen");
        setBorder(BorderFactory.createEmptyBorder(24, 40, 24, 40));
        JLabel title = new JLabel(Texts.get("shell.app.title"));
        title.setName("homeTitle");
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h00");
        JLabel subtitle = new JLabel(Texts.get("shell.home.subtitle"));
        subtitle.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
        who.setName("homeLearner");
        who.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        JPanel header = new JPanel(new GridLayout(0, 1, 0, 6));
        header.add(title);
        header.add(subtitle);
        header.add(who);
        add(header, BorderLayout.NORTH);

        rank.addActionListener(e -> actions.career());
        suggestion.addActionListener(e -> suggestedId.ifPresentOrElse(actions::play, actions::lessons));
        streak.addActionListener(e -> actions.lessons());
        assignments.addActionListener(e -> actions.lessons());
        rank.setToolTipText(Texts.get("shell.home.rank.tip"));
        suggestion.setToolTipText(Texts.get("shell.home.suggestion.tip"));
        streak.setToolTipText(Texts.get("shell.home.streak.tip"));
        assignments.setToolTipText(Texts.get("shell.home.assignments.tip"));
        JPanel cards = new JPanel(new GridLayout(2, 2, 16, 16));
        cards.add(rank);
        cards.add(suggestion);
        cards.add(streak);
        cards.add(assignments);
        recent.setName("homeRecent");
        JPanel recentBox = new JPanel(new BorderLayout(0, 6));
        JLabel recentTitle = new JLabel(Texts.get("shell.home.recent"));
        recentTitle.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        recentBox.add(recentTitle, BorderLayout.NORTH);
        recentBox.add(recent, BorderLayout.CENTER);
        careerCard.addActionListener(e -> actions.careerDashboard());
        careerCard.setToolTipText(Texts.get("career.home.tip"));
        careerCard.setText(html(Texts.get("career.home.title"), esc(Texts.get("career.home.none"))));
        JPanel top = new JPanel(new BorderLayout(0, 16));
        top.add(cards, BorderLayout.CENTER);
        top.add(careerCard, BorderLayout.SOUTH);
        dashboard = new JPanel(new BorderLayout(0, 16));
        dashboard.add(top, BorderLayout.NORTH);
        dashboard.add(recentBox, BorderLayout.CENTER);

        centre.add(firstStart, BorderLayout.CENTER);
        add(centre, BorderLayout.CENTER);

        JButton start = new JButton(Texts.get("shell.home.start"));
        start.setName("startTraining");
        start.setToolTipText(Texts.get("shell.home.start.tip"));
        start.putClientProperty(FlatClientProperties.STYLE, "font: +2");
        start.addActionListener(e -> actions.lessons());
        JPanel startRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        startRow.add(start);
        add(startRow, BorderLayout.SOUTH);
        this.firstStart = firstStart;
    }

    private final JComponent firstStart;

    private static JButton card(String name) {
        JButton b = new JButton();
        b.setName(name);
        b.setHorizontalAlignment(SwingConstants.LEFT);
        b.setVerticalAlignment(SwingConstants.TOP);
        b.putClientProperty(FlatClientProperties.STYLE, "arc: 12; margin: 12,16,12,16");
        return b;
    }

    private static String html(String heading, String body) {
        return "<html><div style='font-size: 115%'><b>" + esc(heading) + "</b></div><div>" + body + "</div></html>";
    }

    /** Shows the first start (nobody has trained yet, or the career walk was asked for). */
    public void showFirstStart() {
        centre.removeAll();
        centre.add(firstStart, BorderLayout.CENTER);
        who.setText(" ");
        revalidate();
        repaint();
    }

    /** Shows the learner's dashboard. */
    public void showSummary(HomeSummary s, ZoneId zone) {
        who.setText(Texts.get("shell.home.learner", s.learner(), s.rank()));
        rank.setText(html(Texts.get("shell.home.rank.title"), esc(s.nextRank()
                .map(n -> Texts.get("shell.home.rank.next", s.rank(), s.xp(), s.xpToNext(), n))
                .orElse(Texts.get("shell.home.rank.top", s.rank(), s.xp())))));
        suggestedId = s.suggestion().map(x -> x.lesson().id());
        suggestion.setText(html(Texts.get("shell.home.suggestion.title"), s.suggestion()
                .map(x -> esc(Texts.get("shell.home.suggestion.body", x.lesson().title(), x.lesson().kind().id(),
                        x.rankName(), x.text())))
                .orElse(esc(Texts.get("shell.home.suggestion.none")))));
        streak.setText(html(Texts.get("shell.home.streak.title"), esc(s.streakDays() == 0
                ? Texts.get("shell.home.streak.none")
                : Texts.get("shell.home.streak.days", s.streakDays()) + " "
                        + Texts.get(s.practisedToday() ? "shell.home.streak.today" : "shell.home.streak.keep"))));
        assignments.setText(html(Texts.get("shell.home.assignments.title"), esc(Texts.get("shell.home.assignments.none"))));
        recent.removeAll();
        List<HomeSummary.Recent> r = s.recent();
        if (r.isEmpty()) {
            JLabel none = new JLabel(Texts.get("shell.home.recent.none"));
            none.setName("homeRecentNone");
            recent.add(none);
        }
        int i = 0;
        for (HomeSummary.Recent x : r) {
            String score = x.score().map(v -> Texts.get(x.passed() ? "shell.home.recent.passed" : "shell.home.recent.tried",
                    String.format(Locale.ROOT, "%.0f", v))).orElse(Texts.get("shell.home.recent.unfinished"));
            JButton b = new JButton(Texts.get("shell.home.recent.row", x.title(), score,
                    WHEN.format(x.when().atZone(zone))));
            b.setName("recent-" + i++);
            b.setHorizontalAlignment(SwingConstants.LEFT);
            b.setToolTipText(Texts.get("shell.home.recent.tip", x.title()));
            b.addActionListener(e -> actions.showLesson(x.lessonId()));
            recent.add(b);
        }
        centre.removeAll();
        centre.add(dashboard, BorderLayout.CENTER);
        revalidate();
        repaint();
    }

    /**
     * The learner's assignments on the assignments card, one line each ("title — due date — state"); the
     * empty state stays when there are none.
     */
    public void showAssignments(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        int shown = Math.min(4, lines.size());
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            body.append(i > 0 ? "<br>" : "").append(esc(lines.get(i)));
        }
        if (lines.size() > shown) {
            body.append("<br>").append(esc(Texts.get("tutor.home.more", lines.size() - shown)));
        }
        assignments.setText(html(Texts.get("shell.home.assignments.title"), body.toString()));
    }

    /** The career card: one line on the learner's career, or that there is none yet (null). */
    public void showCareer(String line) {
        careerCard.setText(html(Texts.get("career.home.title"),
                esc(line == null ? Texts.get("career.home.none") : line)));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
