package org.controlroom.lesson.practice;

import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.controlroom.lesson.script.Lesson;

/** The SHA-256 of a lesson file's bytes: which version of a lesson a session or an attempt was made on. */
final class LessonHash {
    private LessonHash() {
    }

    static String of(Lesson lesson) {
        try {
            byte[] bytes = Files.readAllBytes(lesson.file());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException e) {
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
