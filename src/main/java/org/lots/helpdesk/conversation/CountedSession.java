package org.lots.helpdesk.conversation;

import java.util.List;

/**
 * What reports have counted of a conversation's current session (a run of messages without a long pause), kept in
 * the conversation document and saved with its state in the same write: no content, only which counters this
 * session already added to, so that a session counts once and moves whole when its language changes.
 *
 * @param since    when the session began (ISO instant)
 * @param day      the day it is counted on (the deployment's time zone)
 * @param language the language it is counted under ("-" while none is known)
 * @param topic    the last content topic it reached (null before any)
 * @param topics   every content topic it reached
 * @param newcomer it was the newcomer's first session (counted as a new newcomer)
 * @param answered it counts as answered by the bot (a content topic, no handoff so far)
 * @param handoff  a person was asked for in it
 */
public record CountedSession(String since, String day, String language, String topic, List<String> topics,
                             boolean newcomer, boolean answered, boolean handoff) {}
