package org.controlroom.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.controlroom.dsp.io.RegularFile;

/**
 * {@code --answers FILE}: a small UTF-8 text file, one answer a line. Read whole before the attempt
 * starts, so a file that is not text (binary, another encoding, a named pipe, too large) is refused
 * up front in words, naming the file and the line, instead of failing half-way through the attempt.
 */
final class AnswersFile {

    /** Far more than any lesson's answers; a larger file is not an answers file. */
    static final int MAX_BYTES = 1_000_000;

    private AnswersFile() {
    }

    static BufferedReader open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new UserInputException("answers file not found: " + file);
        }
        Optional<String> special = RegularFile.notRegular(file);
        if (special.isPresent()) {
            throw new UserInputException("answers file " + file + " is " + special.get()
                    + ", not a text file; give an ordinary file with one answer a line");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new UserInputException("answers file " + file + " is too large (" + size
                    + " bytes; an answers file has one short answer a line)");
        }
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserInputException("answers file " + file + " is not UTF-8 text (line "
                    + lineOfFirstBadByte(bytes) + "); write one answer a line as plain text");
        }
        for (int i = 0, line = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c != '\t' && c != '\r' && Character.isISOControl(c)) {
                throw new UserInputException("answers file " + file + " is not plain text: line " + line
                        + " holds the control character U+" + String.format("%04X", (int) c)
                        + "; write one answer a line as plain text");
            }
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new BufferedReader(new StringReader(text));
    }

    /** 1-based line of the first byte that is not part of valid UTF-8. */
    private static int lineOfFirstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }
}
