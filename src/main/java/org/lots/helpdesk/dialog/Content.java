package org.lots.helpdesk.dialog;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything editors wrote, loaded and checked: dialogs, translations and local settings.
 * Immutable; a reload builds a new one.
 */
public record Content(Map<String, Dialog> dialogs, Catalogue catalogue, Map<String, Object> settings) {

    public static final String WELCOME = "welcome", FALLBACK = "fallback", HANDOFF = "handoff", MENU_STEP = "menu";

    public Optional<Dialog> dialog(String id) {
        return Optional.ofNullable(id == null ? null : dialogs.get(id));
    }

    public Set<String> languages() {
        return catalogue.languages();
    }
}
