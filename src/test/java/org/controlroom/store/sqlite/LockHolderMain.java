package org.controlroom.store.sqlite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Run in a child JVM: takes the database's write lock, says "locked", and holds it until killed. */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]); Statement s = c.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            s.execute("INSERT INTO learners (name, created_at) VALUES ('holder', 'x')");
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
