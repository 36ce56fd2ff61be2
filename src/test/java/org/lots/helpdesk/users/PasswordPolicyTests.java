package org.lots.helpdesk.users;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void weakPasswordsAreRefusedWithAReason() {
        assertNotNull(UserService.weakness("anna", "short1!"));
        assertNotNull(UserService.weakness("anna", "password1234"));
        assertNotNull(UserService.weakness("anna.lindqvist", "anna.lindqvist"));
        assertNotNull(UserService.weakness("anna", "aaaaaaaaaaaaaaaa"));
    }

    @Test
    void longVariedPasswordsAreAccepted() {
        assertNull(UserService.weakness("smoke-adviser", "Smoke-Adviser-2026!"));
        assertNull(UserService.weakness("anna", "correct horse battery staple"));
    }
}
