package org.lots.helpdesk.engine;

import java.time.ZonedDateTime;

/**
 * Port: what the help desk can promise a newcomer who asks for a person right now. The queue and the office hours
 * live outside the engine (in the store and the content settings); the engine only puts the answer into words.
 * Bound to one conversation by the caller, so that a newcomer who is already waiting keeps their place.
 */
@FunctionalInterface
public interface Helpline {

    /** Null when unknown (tools, tests): the handoff step's own text is then all the newcomer gets. */
    Availability availability();

    sealed interface Availability permits Open, Closed {}

    /** Advisers are working; the newcomer is number {@code position} in the queue (1 = next). */
    record Open(int position) implements Availability {}

    /** The helpline is closed and opens again at {@code opens}, in its own time zone. */
    record Closed(ZonedDateTime opens) implements Availability {}

    Helpline UNKNOWN = () -> null;
}
