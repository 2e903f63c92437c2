package org.claimdesk.system;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable random values: session ids, generated passwords and keys. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** {@code length} random bytes as URL-safe Base64 without padding: safe in cookies, files and SQL literals. */
    public static String random(int length) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(length));
    }
}
