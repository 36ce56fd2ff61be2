package org.lots.helpdesk.content;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.TestContent;
import org.lots.helpdesk.engine.Router;

/** Content loaded again, unchanged, keeps the router already trained for it (training takes seconds). */
class RoutersTests {

    @Test
    void theSameContentLoadedAgainKeepsItsRouter() {
        // Whatever another test trained last, this content's router is now the one kept (the shared one, not a new one).
        Router kept = Routers.trainedFor(ContentFiles.load(Path.of("."), "en").content(), c -> TestContent.shipped().router());
        Router again = Routers.trainedFor(ContentFiles.load(Path.of("."), "en").content(), c -> {
            throw new AssertionError("trained again for unchanged content");
        });
        assertSame(kept, again);
    }
}
