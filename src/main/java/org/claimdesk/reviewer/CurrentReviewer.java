package org.claimdesk.reviewer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.claimdesk.system.ClientError;

import io.quarkus.security.identity.SecurityIdentity;

/** The account of the person making the current request, looked up once per request. */
@RequestScoped
public class CurrentReviewer {

    @Inject
    SecurityIdentity identity;

    private Reviewer reviewer;

    public Reviewer get() {
        if (reviewer == null) {
            if (identity.isAnonymous()) {
                throw new ClientError(401, "Log in first.");
            }
            reviewer = Reviewer.findByUsername(identity.getPrincipal().getName())
                    .orElseThrow(() -> new ClientError(401, "Your account no longer exists."));
        }
        return reviewer;
    }

    public long id() {
        return get().id;
    }
}
