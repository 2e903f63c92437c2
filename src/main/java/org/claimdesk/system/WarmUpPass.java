package org.claimdesk.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.net.SocketAddress;

/**
 * The pass that lets the start-up warm-up read pages as an existing account without logging in (which would write a
 * session): a random secret that never leaves the process, accepted only on GET requests from this machine's
 * loopback address and only until the warm-up ends, after which nothing opens it again.
 */
@ApplicationScoped
public class WarmUpPass {

    /** The request header that carries the pass. */
    public static final String HEADER = "X-Claimdesk-Warm-Up";

    private volatile byte[] secret;
    private volatile String username;

    /** Opens the pass for reading as {@code username}; returns the secret to send. */
    public synchronized String open(String username) {
        String token = Tokens.random(32);
        this.username = username;
        this.secret = token.getBytes(StandardCharsets.UTF_8);
        return token;
    }

    /** Closes the pass for good. */
    public synchronized void close() {
        secret = null;
        username = null;
    }

    /** The account a request may read as: only with the open pass, on a GET, from loopback. */
    public Optional<String> admit(String token, boolean get, SocketAddress from) {
        byte[] expected = secret;
        String who = username;
        if (expected == null || who == null || token == null || !get || from == null || !loopback(from.hostAddress())) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8)) ? Optional.of(who)
                : Optional.empty();
    }

    private static boolean loopback(String address) {
        return address != null && (address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1")
                || address.equals("::1"));
    }
}
