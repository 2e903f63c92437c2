package org.claimdesk.reviewer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(AddressThrottleTest.LowAddressLimit.class)
class AddressThrottleTest {

    /** The suite's other tests share one address, so they run with a high per-address limit; this one does not. */
    public static class LowAddressLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimdesk.login.max-failures-per-address", "3");
        }
    }

    @Test
    void oneAddressGuessingAcrossAccountsIsStoppedToo() {
        String victim = Accounts.create(Role.reviewer);
        for (int i = 0; i < 3; i++) {
            DeskClient.anonymous().login(Accounts.uniqueName("sprayed"), "password spraying " + i);
        }
        DeskClient browser = DeskClient.anonymous();
        browser.login(victim, Accounts.PASSWORD);
        assertFalse(browser.hasSession(), "the address is locked out, whatever the account");
        assertTrue(browser.get("/login?error=true").asString().contains("Too many failed logins"));
    }
}
