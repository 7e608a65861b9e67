package org.controlroom.lesson.tutor;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.controlroom.store.PinRecord;

/**
 * PBKDF2-HMAC-SHA256 from the JDK: a 16-byte random salt, {@value #ITERATIONS} iterations (OWASP's 2023
 * figure for this function), a 256-bit key. Only the salt, the iteration count and the key are kept.
 */
public final class PinHasher {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int ITERATIONS = 210_000;
    static final int SALT_BYTES = 16;
    static final int KEY_BITS = 256;

    private final SecureRandom random;

    public PinHasher() {
        this(new SecureRandom());
    }

    PinHasher(SecureRandom random) {
        this.random = random;
    }

    /** A new record for {@code pin}, with a fresh salt. */
    public PinRecord hash(char[] pin, Instant setAt) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = derive(pin, salt, ITERATIONS, KEY_BITS);
        Base64.Encoder b64 = Base64.getEncoder();
        return new PinRecord(ALGORITHM, ITERATIONS, b64.encodeToString(salt), b64.encodeToString(key), setAt);
    }

    /** Whether {@code pin} is the one {@code record} was made from; compares in constant time. */
    public static boolean matches(char[] pin, PinRecord record) {
        if (!ALGORITHM.equals(record.algorithm()) || record.iterations() < 1) {
            throw new TutorException("the stored tutor PIN uses " + record.algorithm() + ", which this version of"
                    + " Control Room does not know; update Control Room");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] salt = b64.decode(record.salt());
        byte[] expected = b64.decode(record.hash());
        byte[] actual = derive(pin, salt, record.iterations(), expected.length * 8);
        boolean same = MessageDigest.isEqual(expected, actual);
        Arrays.fill(actual, (byte) 0);
        return same;
    }

    static byte[] derive(char[] pin, byte[] salt, int iterations, int bits) {
        // PBEKeySpec takes chars and encodes them as UTF-8 for HMAC in the JDK's PBKDF2; normalise nothing else
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new TutorException("this Java has no " + ALGORITHM + " (" + e.getMessage() + ")");
        } finally {
            spec.clearPassword();
        }
    }
}
