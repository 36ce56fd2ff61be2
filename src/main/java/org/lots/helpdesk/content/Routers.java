package org.lots.helpdesk.content;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.engine.Router;
import org.lots.helpdesk.language.NgramRouter;
import org.lots.helpdesk.language.SoftmaxClassifier;

/**
 * The router for a version of the content. Training takes seconds and much memory, so content equal to the last
 * trained (a file touched but not changed; another ContentService in the same JVM, as in the tests) keeps that
 * router. One entry only: what it holds, the live content holds anyway.
 */
public final class Routers {

    private static Content lastContent;
    private static Router lastRouter;

    private Routers() {}

    public static synchronized Router trainedFor(Content content) {
        return trainedFor(content, null);
    }

    /** @param cache keeps the trained classifier between starts (may be null) */
    public static synchronized Router trainedFor(Content content, SoftmaxClassifier.Cache cache) {
        if (!content.equals(lastContent)) {
            lastRouter = new NgramRouter(content, NgramRouter.Thresholds.DEFAULT, cache);
            lastContent = content;
        }
        return lastRouter;
    }
}
