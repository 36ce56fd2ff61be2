package org.lots.helpdesk.system;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. Scripts use HTTP Basic on {@code /api/**}; the adviser console uses a form login with a
 * session and CSRF protection (CSRF is not needed for Basic calls, which carry no cookie the browser adds by itself).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, upgradable by prefix
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/telegram/**").permitAll() // the webhook checks its own secret
                        .requestMatchers("/api/preview/**", "/api/editor/**").hasRole("EDITOR")
                        .requestMatchers("/api/handoffs/**").hasRole("ADVISER")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(withDefaults())
                .csrf(c -> c.ignoringRequestMatchers(r -> r.getHeader("Authorization") != null)
                        .ignoringRequestMatchers("/telegram/**"));
        return http.build();
    }
}
