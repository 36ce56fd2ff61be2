package org.lots.helpdesk.users;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Passwords are checked as usual (users from {@link UserService}, bcrypt), but only when {@link LoginThrottle}
 * lets the attempt through: one that comes too soon is refused before the password is looked at, which also
 * keeps a flood of guesses from costing a bcrypt hash each.
 */
@Component
class ThrottledAuthentication implements AuthenticationProvider {

    /** Refused for coming too soon; says how long to wait, never whether the password was right. */
    static final class TooSoon extends LockedException {
        TooSoon(Duration wait) {
            super("too many failed logins: try again in " + Math.max(1, wait.toSeconds()) + " s");
        }
    }

    private final LoginThrottle throttle;
    private final DaoAuthenticationProvider passwords;

    ThrottledAuthentication(LoginThrottle throttle, UserService users, PasswordEncoder encoder) {
        this.throttle = throttle;
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        if (username != null && username.length() <= 64) {
            Duration wait = throttle.wait(username, LoginThrottle.client(authentication));
            if (!(wait.isZero() || wait.isNegative())) throw new TooSoon(wait);
        }
        return passwords.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
