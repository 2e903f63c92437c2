package org.claimdesk.reviewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = { "short", "elevenchars", "password1234", "Password1234", "123456789012",
            "qwerty123456", "iloveyou1234", "welcome!2025", "aaaaaaaaaaaaaaa", "abababababab", "   ", "" })
    void weakPasswordsAreRefusedWithAReason(String password) {
        Optional<String> problem = PasswordPolicy.problem(password, "alice");
        assertTrue(problem.isPresent(), "should refuse " + password);
        assertTrue(problem.get().endsWith("."), "the reason is a sentence: " + problem.get());
    }

    @ParameterizedTest
    @ValueSource(strings = { "correct horse battery staple", "Tr0ub4dor&3-horse", "팩트체크는 중요합니다 2026", "sea-lion-umbrella-97" })
    void strongPasswordsPass(String password) {
        assertEquals(Optional.empty(), PasswordPolicy.problem(password, "alice"));
    }

    @org.junit.jupiter.api.Test
    void aPasswordLongerThanBcryptReadsIsRefused() {
        assertEquals(Optional.empty(), PasswordPolicy.problem("가나다라마바사아자차카타파하거너더러머버서어저처", "alice"));
        assertTrue(PasswordPolicy.problem("가나다라마바사아자차카타파하거너더러머버서어저처커", "alice").isPresent(), "25 × 3 bytes");
        assertEquals(Optional.empty(), PasswordPolicy.problem("tidal-".repeat(12), "alice"), "72 bytes");
        assertTrue(PasswordPolicy.problem("tidal-".repeat(12) + "x", "alice").orElseThrow().contains("at most 72 bytes"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "alice-is-my-name-1", "ALICE-is-my-name-1" })
    void aPasswordMayNotContainTheUsername(String password) {
        assertEquals(Optional.of("The password must not contain the username."), PasswordPolicy.problem(password, "alice"));
    }
}
