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

    @Test
    void theGeneratedBootstrapPasswordMeetsThePolicy() {
        for (int i = 0; i < 200; i++) assertNull(UserService.weakness("admin", UserService.generatedPassword()));
    }

    @Test
    void aWeakConfiguredBootstrapPasswordStopsTheStartWithAReason() {
        var weak = new org.lots.helpdesk.system.HelpdeskProperties("embedded", "./data", "", "en", java.time.Duration.ofSeconds(2),
                new org.lots.helpdesk.system.HelpdeskProperties.Bootstrap("admin123"));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new UserService(null, null, weak, null, null, null));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("helpdesk.bootstrap.admin-password is refused: password must have at least 12"),
                e.getMessage());
    }
}
