package org.lots.helpdesk.engine;

import java.util.List;

/** Finds the dialog a free-text message is about. Built from the example phrases of one version of the content. */
public interface Router {

    Routing route(String text, String language);

    /** A dialog and how well the message fits it (0..1). */
    record Candidate(String dialog, double score) {}

    /**
     * @param decision   CONFIDENT: start {@code candidates.get(0)}; AMBIGUOUS: ask which of the candidates;
     *                   NONE: nothing fits
     * @param candidates best first
     */
    record Routing(Decision decision, List<Candidate> candidates) {
        public enum Decision { CONFIDENT, AMBIGUOUS, NONE }

        public static Routing none() {
            return new Routing(Decision.NONE, List.of());
        }

        public Candidate best() {
            return candidates.isEmpty() ? null : candidates.get(0);
        }
    }
}
