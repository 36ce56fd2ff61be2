package org.lots.helpdesk;

import java.nio.file.Path;

import org.lots.helpdesk.content.ContentFiles;
import org.lots.helpdesk.content.Routers;
import org.lots.helpdesk.dialog.script.ContentLoader;
import org.lots.helpdesk.engine.Engine;
import org.lots.helpdesk.engine.Knowledge;
import org.lots.helpdesk.engine.LanguageIdentifier;
import org.lots.helpdesk.language.LinguaLanguageIdentifier;
import org.lots.helpdesk.language.NgramRouter;

/**
 * The shipped content and the real engine, built once per test JVM: lingua's models are static (shared by every
 * detector in the JVM) and the router comes from {@link Routers}, so application contexts started on the same
 * content in this JVM reuse the router trained here instead of training their own.
 */
public final class TestContent {

    private static Knowledge knowledge;
    private static LanguageIdentifier identifier;

    private TestContent() {}

    public static synchronized Knowledge shipped() {
        if (knowledge == null) {
            ContentLoader.Result r = ContentFiles.load(Path.of("."), "en");
            if (!r.ok()) throw new AssertionError("shipped content has errors:\n" + r.errors());
            knowledge = new Knowledge(r.content(), Routers.trainedFor(r.content(), NgramRouter::new));
        }
        return knowledge;
    }

    public static synchronized LanguageIdentifier languages() {
        if (identifier == null) identifier = new LinguaLanguageIdentifier();
        return identifier;
    }

    public static Engine engine() {
        return new Engine(languages(), "en");
    }
}
