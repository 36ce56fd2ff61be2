package org.lots.helpdesk.engine;

/** How an input reads in a transcript. */
public final class TranscriptText {
    private TranscriptText() {}

    /** The newcomer's words, a pressed button or a command; null for events that nobody said. */
    public static String of(Input input) {
        if (input instanceof Input.Text t) return t.text();
        if (input instanceof Input.Payload p) return "[button " + p.payload() + "]";
        if (input instanceof Input.Media m) return "[" + m.kind() + "]";
        if (input instanceof Input.Command c) return "/" + c.name() + (c.argument() == null ? "" : " " + c.argument());
        return null;
    }
}
