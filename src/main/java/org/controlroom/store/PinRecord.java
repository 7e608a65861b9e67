package org.controlroom.store;

import java.time.Instant;

/**
 * The tutor's PIN as stored: never the PIN itself, only what checks it.
 *
 * @param algorithm  the key-derivation function ("PBKDF2WithHmacSHA256")
 * @param iterations its iteration count
 * @param salt       the random salt, Base64
 * @param hash       the derived key, Base64
 * @param setAt      when the PIN was set
 */
public record PinRecord(String algorithm, int iterations, String salt, String hash, Instant setAt) {
}
