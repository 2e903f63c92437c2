package org.claimdesk.reviewer;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.jpa.runtime.JpaIdentityProvider;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds the security identity of an active account, with every role its own role includes. */
@ApplicationScoped
public class AccountIdentity {

    @Inject
    JpaIdentityProvider passwords;

    @Inject
    EntityManager em;

    /** The bcrypt check of quarkus-security-jpa; fails for an unknown name or a wrong password. */
    @Transactional
    public SecurityIdentity checkPassword(UsernamePasswordAuthenticationRequest request) {
        SecurityIdentity identity = passwords.authenticate(em, request);
        if (identity == null) {
            throw new AuthenticationFailedException("unknown account");
        }
        return identity;
    }

    /** The identity a password check produced, with every role its account's role includes, if still active. */
    @Transactional
    public Optional<SecurityIdentity> activeIdentity(String username, SecurityIdentity checked) {
        return Reviewer.findByUsername(username).filter(r -> r.active)
                .map(reviewer -> QuarkusSecurityIdentity.builder(checked).addRoles(reviewer.access().grants()).build());
    }
}
