package org.lots.helpdesk.conversation;

import org.lots.helpdesk.engine.StoredData;

/**
 * Gives the engine's {@link StoredData} port for one conversation (what /mydata summarises). Implemented by the
 * privacy module, which knows every collection; without one, /mydata says only what little the engine knows.
 */
public interface StoredDataSource {

    StoredData forConversation(Conversation conversation);
}
