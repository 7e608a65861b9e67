package org.controlroom.lesson.planted;

/**
 * Classes that break the architecture rules on purpose, each in a package where its foreign API is
 * not allowed. The architecture test checks that every rule fails on them (a rule that cannot fail
 * proves nothing). They are test classes: the rules over the product never see them.
 */
public final class PlantedViolations {
    private PlantedViolations() {
    }

    /** SQL outside store. */
    public static final class UsesSql {
        public Object open() throws java.sql.SQLException {
            return java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
        }
    }

    /** SnakeYAML outside lesson.script. */
    public static final class UsesYaml {
        public Object parse() {
            return new org.yaml.snakeyaml.Yaml().load("a: 1");
        }
    }

    /** javax.sound outside dsp.play / dsp.io. */
    public static final class UsesSound {
        public Object mixers() {
            return javax.sound.sampled.AudioSystem.getMixerInfo();
        }
    }

    /** Swing outside ui. */
    public static final class UsesSwing {
        public Object label() {
            return new javax.swing.JLabel("x");
        }
    }

    /** Standard output outside cli and app. */
    public static final class PrintsToStandardOutput {
        public void say() {
            System.out.println("hello");
        }
    }

    /** Standard error outside cli and app. */
    public static final class PrintsToStandardError {
        public void say() {
            System.err.println("oops");
        }
    }

    /** A stack trace printed outside cli and app. */
    public static final class PrintsAStackTrace {
        public void fail(Exception e) {
            e.printStackTrace();
        }
    }

    /** One half of a package cycle (the other is in dsp.planted). */
    public static final class CycleHalf {
        public Object other() {
            return new org.controlroom.dsp.planted.OtherCycleHalf();
        }
    }
}
