package org.lots.helpdesk.users;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.system.HelpdeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Users of the help desk, their roles and languages; creates the first admin on an empty store. */
@Service
public class UserService implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    public static final int MIN_PASSWORD = 12;
    private static final Set<String> COMMON = Set.of("password1234", "123456789012", "qwertyuiop12", "passwordpassword",
            "adminadminadmin", "letmein12345", "welcome12345");

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final HelpdeskProperties properties;
    private final ContentService content;
    private final Clock clock;
    private final LoginThrottle throttle;

    public UserService(UserRepository users, PasswordEncoder encoder, HelpdeskProperties properties,
                       ContentService content, Clock clock, LoginThrottle throttle) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.content = content;
        this.clock = clock;
        this.throttle = throttle;
        String configured = properties.bootstrap().adminPassword();
        if (configured != null && !configured.isBlank() && weakness("admin", configured) != null) {
            throw new IllegalStateException("helpdesk.bootstrap.admin-password is refused: " + weakness("admin", configured)
                    + ". Choose a longer one, or leave it empty to have one generated.");
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    void bootstrapAdmin() {
        if (users.count() > 0) return;
        String password = properties.bootstrap().adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) password = generatedPassword();
        try {
            users.insert(new UserAccount("admin", encoder.encode(password), EnumSet.allOf(UserAccount.Role.class),
                    List.copyOf(content.current().content().languages()), true, clock.instant()));
        } catch (DuplicateKeyException e) {
            return; // another instance created it first
        }
        if (generated) {
            log.warn("Created user 'admin' with the one-time password {} (set helpdesk.bootstrap.admin-password to choose one)", password);
        } else {
            log.info("Created user 'admin' with the configured bootstrap password");
        }
    }

    /** 24 random characters that always meet the password policy. */
    static String generatedPassword() {
        SecureRandom random = new SecureRandom();
        for (;;) {
            byte[] b = new byte[18];
            random.nextBytes(b);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            if (weakness("admin", password) == null) return password;
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount a = users.findById(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(a.username()).password(a.passwordHash()).disabled(!a.enabled())
                .roles(a.roles().stream().map(Enum::name).toArray(String[]::new)).build();
    }

    /** Thrown with a reason the admin can act on. */
    public static class InvalidUser extends RuntimeException {
        public InvalidUser(String reason) {
            super(reason);
        }
    }

    public UserAccount create(String username, String password, List<String> roles, List<String> languages) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw new InvalidUser("username must be 2-64 letters, digits or . _ @ -");
        }
        String weak = weakness(username, password);
        if (weak != null) throw new InvalidUser(weak);
        Set<UserAccount.Role> roleSet = roles(roles);
        List<String> langs = languages(languages);
        return users.insert(new UserAccount(username, encoder.encode(password), roleSet, langs, true, clock.instant()));
    }

    private static Set<UserAccount.Role> roles(List<String> roles) {
        Set<UserAccount.Role> roleSet = EnumSet.noneOf(UserAccount.Role.class);
        for (String r : roles == null ? List.<String>of() : roles) {
            try {
                roleSet.add(UserAccount.Role.valueOf(r.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidUser("unknown role '" + r + "' (use " + java.util.Arrays.toString(UserAccount.Role.values()) + ")");
            }
        }
        if (roleSet.isEmpty()) throw new InvalidUser("give at least one role (" + java.util.Arrays.toString(UserAccount.Role.values()) + ")");
        return roleSet;
    }

    private List<String> languages(List<String> languages) {
        Set<String> langs = new LinkedHashSet<>();
        for (String l : languages == null ? List.<String>of() : languages) {
            if (l == null || !content.current().content().languages().contains(l)) {
                throw new InvalidUser("unknown language '" + l + "' (use one of " + content.current().content().languages() + ")");
            }
            langs.add(l);
        }
        return new ArrayList<>(langs);
    }

    public Optional<UserAccount> find(String username) {
        return username == null ? Optional.empty() : users.findById(username);
    }

    /**
     * Changes the roles and/or languages of an existing user (null: unchanged). Empty if there is no such user.
     * The first language is the one the console translates into for this adviser.
     */
    public Optional<UserAccount> update(String username, List<String> roles, List<String> languages) {
        Set<UserAccount.Role> newRoles = roles == null ? null : roles(roles);
        List<String> newLanguages = languages == null ? null : languages(languages);
        return users.findById(username).map(u -> users.save(new UserAccount(u.username(), u.passwordHash(),
                newRoles == null ? u.roles() : newRoles, newLanguages == null ? u.languages() : newLanguages, u.enabled(), u.createdAt())));
    }

    public Optional<UserAccount> setPassword(String username, String password) {
        String weak = weakness(username, password);
        if (weak != null) throw new InvalidUser(weak);
        return users.findById(username).map(u -> users.save(new UserAccount(u.username(), encoder.encode(password), u.roles(),
                u.languages(), u.enabled(), u.createdAt())));
    }

    public boolean enable(String username) {
        return users.findById(username).map(u -> users.save(new UserAccount(u.username(), u.passwordHash(), u.roles(),
                u.languages(), true, u.createdAt()))).isPresent();
    }

    /** Clears login throttling for the user (it does not enable a disabled user). */
    public boolean unlock(String username) {
        if (!users.existsById(username)) return false;
        throttle.clear(username);
        return true;
    }

    /** Until when logins to this account wait after many failed ones (from several clients), or null. */
    public Instant lockedUntil(String username) {
        return throttle.accountWaitsUntil(username);
    }

    static String weakness(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD) return "password must have at least " + MIN_PASSWORD + " characters";
        if (password.length() > 128) return "password must have at most 128 characters";
        String lower = password.toLowerCase(Locale.ROOT);
        // The name itself, give or take a few characters, is guessed first; a longer phrase around it is fine.
        String rest = lower.replace(username.toLowerCase(Locale.ROOT), "");
        if (COMMON.contains(lower) || rest.length() < 4) return "password is too easy to guess";
        if (password.chars().distinct().count() < 5) return "password needs more different characters";
        return null;
    }

    public List<UserAccount> all() {
        return users.findAll();
    }

    public boolean disable(String username) {
        return users.findById(username).map(u -> users.save(u.disabled())).isPresent();
    }
}
