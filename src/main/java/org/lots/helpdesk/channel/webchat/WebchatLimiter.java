package org.lots.helpdesk.channel.webchat;

/**
 * Decides whether one more request from a key (a conversation, a client address) is allowed now. A small
 * in-memory one ({@link WindowLimiter}) serves until the shared limiter of the limits work replaces it.
 */
interface WebchatLimiter {

    /** Counts the request and answers whether it is within {@code limit} per window for {@code key}. */
    boolean allow(String key, int limit);
}
