package org.controlroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("gui")
class MainWindowGuiTest {

    private FrameFixture window;

    @BeforeEach
    void openWindow() {
        assumeFalse(GraphicsEnvironment.isHeadless(),
                "no display: GUI tests run under Xvfb (xvfb-run -a mvn test), as .ci/run does");
        MainWindow frame = GuiActionRunner.execute(() -> {
            ControlRoomApp.installLookAndFeel();
            return new MainWindow();
        });
        window = new FrameFixture(frame);
        window.show();
    }

    @AfterEach
    void closeWindow() {
        if (window != null) {
            window.cleanUp();
        }
    }

    @Test
    void homeScreenShowsTheAppName() {
        assertThat(window.target().getTitle()).isEqualTo("Control Room");
        window.label("homeTitle").requireText("Control Room");
    }
}
