package org.lots.helpdesk.users;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A console session remembers a stamp of its user's account (password hash, roles, enabled) from its first request;
 * when an admin changes roles, resets the password or disables the user, the stamp no longer matches and the session
 * ends at its next request, as if logged out. HTTP Basic calls are checked against the account on every call anyway.
 * Built by the security configuration (not a bean, so that it runs only inside the security chain).
 */
public final class SessionStamp extends OncePerRequestFilter {

    static final String ATTRIBUTE = "lots.account-stamp";

    private final UserService users;

    public SessionStamp(UserService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            String now = users.find(auth.getName()).filter(UserAccount::enabled).map(SessionStamp::stamp).orElse("");
            Object then = session.getAttribute(ATTRIBUTE);
            if (then == null && !now.isEmpty()) {
                session.setAttribute(ATTRIBUTE, now);
            } else if (now.isEmpty() || !now.equals(then)) {
                session.invalidate();
                SecurityContextHolder.clearContext(); // the request goes on as anonymous: 401 or the login page
            }
        }
        chain.doFilter(request, response);
    }

    static String stamp(UserAccount a) {
        String s = a.passwordHash() + "|" + new TreeSet<>(a.roles()) + "|" + a.enabled();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
