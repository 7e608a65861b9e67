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
            if (!ControlRoomApp.canOpen()) {
                System.err.println("control-room: no display is available, so the app window cannot open. "
                        + "Run it on a desktop, or use the command line: control-room --help");
                System.exit(2);
            }
            ControlRoomApp.launch();
        } else {
            System.exit(ControlRoomCommand.run(args));
        }
    }
}
