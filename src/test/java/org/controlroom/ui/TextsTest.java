package org.controlroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.controlroom.ui.text.Texts;

class TextsTest {

    @Test
    void readsTheBundleAndNamesAMissingKey() {
        assertThat(Texts.get("shell.app.title")).isEqualTo("Control Room");
        assertThat(Texts.has("shell.app.title")).isTrue();
        assertThatThrownBy(() -> Texts.get("no.such.key")).hasMessageContaining("no.such.key");
    }
}
