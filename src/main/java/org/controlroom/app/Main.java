package org.controlroom.app;

import org.controlroom.cli.ControlRoomCommand;
import org.controlroom.ui.ControlRoomApp;

/**
 * Entry point: no arguments opens the Swing app, any arguments run the command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            ControlRoomApp.launch();
        } else {
            System.exit(ControlRoomCommand.run(args));
        }
    }
}
