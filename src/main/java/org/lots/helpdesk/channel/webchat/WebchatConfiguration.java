package org.lots.helpdesk.channel.webchat;


import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web chat's place on other sites: browsers may call {@code /webchat/**} from the allowed origins only (CORS;
 * a request from any other origin is refused before it does anything), and any page may load the script.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebchatProperties.class)
class WebchatConfiguration implements WebMvcConfigurer {

    private final WebchatProperties properties;

    WebchatConfiguration(WebchatProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        // Patterns allow "https://*.example.se"; an empty list leaves only the help desk's own origin (not CORS).
        registry.addMapping("/webchat/**")
                .allowedOrigins() // no "*" default: only what is configured
                .allowedOriginPatterns(properties.allowedOrigins().stream().map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new))
                .allowedMethods("GET", "POST", "DELETE")
                .allowedHeaders("Authorization", "Content-Type", "Last-Event-ID")
                .allowCredentials(false) // the token is the key; no cookie is ever needed or sent
                .maxAge(3600);
    }

    /** Pages of other origins (even with cross-origin isolation) may load the script and read the API. */
    @Bean
    FilterRegistrationBean<Filter> webchatResourcePolicy() {
        FilterRegistrationBean<Filter> f = new FilterRegistrationBean<>((request, response, chain) -> {
            ((HttpServletResponse) response).setHeader("Cross-Origin-Resource-Policy", "cross-origin");
            chain.doFilter(request, response);
        });
        f.addUrlPatterns("/widget.js", "/webchat/*");
        f.setName("webchatResourcePolicy");
        return f;
    }

}
