package org.claimdesk.reviewer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeskAuthenticationTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/account", "/admin/accounts/7?tab=role", "/claims?q=shell%20production" })
    void pathsOnTheDeskAreWhereALoginMayLead(String target) {
        assertTrue(DeskAuthentication.isLocalPath(target));
    }

    @ParameterizedTest
    @ValueSource(strings = { "//evil.example", "/\t/evil.example", "/\\evil.example", "https://evil.example",
            "evil.example", "/\r\nSet-Cookie: x=1", "/login", "/j_security_check", "" })
    void nothingElseIs(String target) {
        assertFalse(DeskAuthentication.isLocalPath(target), target);
    }
}
