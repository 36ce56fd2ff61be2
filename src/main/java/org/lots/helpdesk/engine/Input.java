package org.lots.helpdesk.engine;

/** What reaches the engine: words typed, a button pressed, a command, or something that happened around the chat. */
public sealed interface Input {

    /** Free text the newcomer typed. */
    record Text(String text) implements Input {}

    /** A button the newcomer pressed; payloads are made by the engine itself (see {@link Payloads}). */
    record Payload(String payload) implements Input {}

    /** A channel command such as Telegram's {@code /start jobs}: start, menu, language, human, help, restart. */
    record Command(String name, String argument) implements Input {}

    /**
     * Something other than text: a voice note, photo, sticker, document, location, contact, or an edited message.
     *
     * @param kind      voice, photo, sticker, document, location, contact, edited or other
     * @param reference the channel's handle for the file (e.g. a Telegram file_id), so an adviser can open it
     */
    record Media(String kind, String reference) implements Input {}

    /** Something outside the newcomer's words: an adviser took or closed the chat. */
    record Event(Kind kind) implements Input {
        public enum Kind { ADVISER_JOINED, ADVISER_CLOSED }
    }
}
