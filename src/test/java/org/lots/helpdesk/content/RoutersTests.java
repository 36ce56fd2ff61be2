package org.lots.helpdesk.content;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.TestContent;
import org.lots.helpdesk.dialog.script.ContentLoader;

/** Content loaded again, unchanged, keeps the router already trained for it (training takes seconds). */
class RoutersTests {

    @Test
    void theSameContentLoadedAgainKeepsItsRouter() {
        var shipped = TestContent.shipped();
        ContentLoader.Result again = ContentFiles.load(Path.of("."), "en");
        assertSame(shipped.router(), Routers.trainedFor(again.content(), c -> { throw new AssertionError("trained again"); }));
    }
}
