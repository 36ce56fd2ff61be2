package org.lots.helpdesk.engine;

import java.time.Instant;

/**
 * Port: what is stored about the newcomer of one conversation, for {@code /mydata}. The store lives outside the
 * engine; the caller binds this to the conversation, and it is asked only when the newcomer wants to know.
 */
@FunctionalInterface
public interface StoredData {

    /** Null when unknown (tools, tests): the bot then says only what the conversation state itself holds. */
    Summary summary();

    /**
     * @param messages     entries of the conversation (the newcomer's, the bot's and advisers' messages)
     * @param first        the first of them, null if none
     * @param last         the last of them, null if none
     * @param handoffs     requests for an adviser, ever
     * @param openHandoffs those still waiting or with an adviser
     * @param files        files the newcomer sent to an adviser
     */
    record Summary(long messages, Instant first, Instant last, long handoffs, long openHandoffs, long files) {}

    StoredData UNKNOWN = () -> null;
}
