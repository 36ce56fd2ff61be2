package org.lots.helpdesk.system;

import static org.springframework.security.config.Customizer.withDefaults;

import org.lots.helpdesk.users.SessionStamp;
import org.lots.helpdesk.users.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.NullRequestCache;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may do what. Scripts use HTTP Basic on {@code /api/**}; the adviser console uses a form login with a
 * session and CSRF protection (CSRF is not needed for Basic calls, which carry no cookie the browser adds by itself).
 * Anonymous API calls get 401, never a redirect to the login page; console pages redirect there.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String LOGIN_PAGE = "/console/login.html";
    /** Console content security policy: only the app's own files; no inline script, so injected markup runs nothing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, upgradable by prefix
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, UserService users) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll() // SSE, error pages
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/telegram/**").permitAll() // the webhook checks its own secret
                        .requestMatchers("/webchat/**").permitAll() // the web chat checks its own tokens
                        .requestMatchers("/", "/index.html", "/widget.js", "/demo/**").permitAll() // script and demo page
                        .requestMatchers(LOGIN_PAGE, "/console/login.js", "/console/console.css", "/console/csrf").permitAll()
                        // Roles: CONTRACT section 6. AccessRulesIntegrationTests checks every API endpoint against them.
                        .requestMatchers("/api/editor/translations/*.xliff").hasAnyRole("EDITOR", "REVIEWER")
                        .requestMatchers("/api/studio/**", "/console/review.*", "/console/examples.*", "/console/studio.*")
                        .hasAnyRole("EDITOR", "REVIEWER") // studio: a reviewer only in their languages (StudioAccess)
                        .requestMatchers("/api/preview/**", "/api/editor/**").hasRole("EDITOR")
                        .requestMatchers("/api/handoffs/**").hasAnyRole("ADVISER", "ADMIN")
                        .requestMatchers("/api/console/me").authenticated()
                        .requestMatchers("/api/console/outcomes").hasAnyRole("ADVISER", "ADMIN", "COORDINATOR") // labels for reports too
                        .requestMatchers("/api/console/**").hasAnyRole("ADVISER", "ADMIN")
                        .requestMatchers("/api/reports/**", "/console/reports.html", "/console/reports.js").hasRole("COORDINATOR")
                        .requestMatchers("/console/failures.html", "/console/failures.js").hasRole("EDITOR")
                        .requestMatchers("/api/admin/**", "/console/admin.html", "/console/admin.js", "/console/audit.html",
                                "/console/audit.js").hasRole("ADMIN")
                        .requestMatchers("/console/simulator.*", "/console/health.*").hasRole("EDITOR") // the editors' pages
                        .requestMatchers("/api/**").denyAll() // an API endpoint without a rule above is closed to all
                        .anyRequest().authenticated())
                .addFilterBefore(new SessionStamp(users), AnonymousAuthenticationFilter.class)
                .httpBasic(withDefaults())
                .formLogin(f -> f.loginPage(LOGIN_PAGE).loginProcessingUrl("/console/login")
                        .defaultSuccessUrl("/console/", true).failureUrl(LOGIN_PAGE + "?error"))
                .logout(l -> l.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint()))
                .requestCache(c -> c.requestCache(new NullRequestCache())) // after login: the console; no session per refused call
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)))
                // No session, nothing to forge: such API calls are anonymous (401) or carry Basic credentials.
                .csrf(c -> c.ignoringRequestMatchers(r -> isBasic(r.getHeader("Authorization")))
                        .ignoringRequestMatchers(r -> r.getRequestURI().startsWith("/api/") && r.getSession(false) == null)
                        .ignoringRequestMatchers("/telegram/**")
                        .ignoringRequestMatchers("/webchat/**")); // Bearer tokens only, never a cookie
        return http.build();
    }

    private static boolean isBasic(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /**
     * API: 401 (with a Basic challenge for scripts; without one for the console's own calls, so the browser shows no
     * password dialog). Anything else: the login page.
     */
    private static AuthenticationEntryPoint entryPoint() {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Lots help desk");
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE);
        return (request, response, exception) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                String accept = request.getHeader("Accept");
                boolean console = "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                        || (accept != null && accept.contains("text/event-stream")); // EventSource sets no headers
                if (console) response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                else basic.commence(request, response, exception);
            } else {
                login.commence(request, response, exception);
            }
        };
    }
}
