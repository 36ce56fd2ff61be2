package org.lots.helpdesk.limits;

import java.io.IOException;

/** Thrown while reading a body that turns out longer than its limit (chunked bodies announce no length). */
public class BodyTooLarge extends IOException {

    private final long limit;

    public BodyTooLarge(long limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
