package org.lots.helpdesk.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.lots.helpdesk.handoff.Presence;
import org.lots.helpdesk.users.UserAccount;
import org.lots.helpdesk.users.UserService;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The console's pages (static files under /console/), adviser presence from API use, and an end to console
 * sessions of users an admin disabled (HTTP Basic checks that on every call anyway).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    /** How long a "still enabled" answer is trusted before the store is asked again. */
    private static final Duration RECHECK = Duration.ofSeconds(10);

    private final Presence presence;
    private final UserService users;
    private final Clock clock;
    private final Map<String, Instant> enabledSeen = new ConcurrentHashMap<>();

    ConsoleWebConfiguration(Presence presence, UserService users, Clock clock) {
        this.presence = presence;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", "/console/");
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
                String name = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
                if (name == null) return true;
                HttpSession session = request.getSession(false);
                if (session != null && !stillEnabled(name)) {
                    session.invalidate();
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                    return false;
                }
                if (request.getRequestURI().startsWith("/api/handoffs")) presence.seen(name);
                return true;
            }
        }).addPathPatterns("/api/**", "/console/**").excludePathPatterns("/console/csrf");
    }

    private boolean stillEnabled(String name) {
        Instant now = clock.instant();
        Instant seen = enabledSeen.get(name);
        if (seen != null && !now.isBefore(seen) && Duration.between(seen, now).compareTo(RECHECK) < 0) return true;
        boolean enabled = users.find(name).map(UserAccount::enabled).orElse(false);
        if (enabled) enabledSeen.put(name, now);
        else enabledSeen.remove(name);
        return enabled;
    }
}
