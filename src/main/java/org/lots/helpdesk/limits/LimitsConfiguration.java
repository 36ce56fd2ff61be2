package org.lots.helpdesk.limits;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/** Wires the request limits: the body size filter first of all filters, and JSON read constraints. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
public class LimitsConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(LimitsProperties limits) {
        FilterRegistrationBean<BodySizeFilter> r = new FilterRegistrationBean<>(new BodySizeFilter(limits));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return r;
    }

    /**
     * Boot's own JSON mapper builder (same customizers), on a factory that refuses deep nesting early. Boot 4.0
     * has no property for read constraints, and a customizer cannot change the factory.
     */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers, LimitsProperties limits) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth()).maxDocumentLength(limits.maxEditorBody().toBytes()).build()).build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.forEach(c -> c.customize(builder));
        return builder;
    }
}
