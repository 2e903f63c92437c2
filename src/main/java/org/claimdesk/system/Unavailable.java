package org.claimdesk.system;

/** Claimdesk cannot serve the request right now, through no fault of the caller: answered with 503. */
public class Unavailable extends RuntimeException {

    public Unavailable(String message) {
        super(message, null, false, false);
    }
}
