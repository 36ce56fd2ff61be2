package org.lots.helpdesk.engine;

import java.util.List;

/** Why the bot answered as it did: shown in the preview, for editors. */
public record Trace(String language, String dialog, String step, boolean escalated, Double confidence,
                    List<String> candidates) {}
