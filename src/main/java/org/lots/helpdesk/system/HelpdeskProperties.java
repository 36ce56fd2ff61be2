package org.lots.helpdesk.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The help desk's own settings ({@code helpdesk.*}); names of the contract are fixed.
 *
 * @param store           {@code embedded} (an in-process MongoDB-compatible server) or {@code mongodb}
 * @param dataDir         where the embedded store keeps its file
 * @param contentDir      the folder holding {@code dialogs/} and {@code translations/}; empty: the working
 *                        directory if it has them, else the copy bundled in the jar
 * @param fallbackLanguage the language shown when a text is missing in the newcomer's language
 * @param reloadInterval  how often content files are checked for changes
 */
@ConfigurationProperties("helpdesk")
public record HelpdeskProperties(
        @DefaultValue("embedded") String store,
        @DefaultValue("./data") String dataDir,
        @DefaultValue("") String contentDir,
        @DefaultValue("en") String fallbackLanguage,
        @DefaultValue("2s") Duration reloadInterval,
        @DefaultValue Bootstrap bootstrap) {

    /** @param adminPassword password of user {@code admin} on a store with no users; generated when empty */
    public record Bootstrap(@DefaultValue("") String adminPassword) {}
}
