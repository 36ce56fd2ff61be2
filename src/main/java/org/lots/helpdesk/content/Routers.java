package org.lots.helpdesk.content;

import java.util.function.Function;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.engine.Router;

/**
 * The router for a version of the content. Training takes seconds and much memory, so content equal to the last
 * trained (a file touched but not changed; another ContentService in the same JVM, as in the tests) keeps that
 * router. One entry only: what it holds, the live content holds anyway.
 */
public final class Routers {

    private static Content lastContent;
    private static Router lastRouter;

    private Routers() {}

    public static synchronized Router trainedFor(Content content, Function<Content, Router> train) {
        if (!content.equals(lastContent)) {
            lastRouter = train.apply(content);
            lastContent = content;
        }
        return lastRouter;
    }
}
