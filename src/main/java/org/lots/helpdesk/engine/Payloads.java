package org.lots.helpdesk.engine;

/**
 * Button payloads, short enough for Telegram's 64-byte callback data.
 * {@code c:dialog:step:i} a choice, {@code v:dialog:step:value} an answer to an input, {@code go:dialog},
 * {@code lang:code}, {@code cmd:name}, {@code rate:n} (an answer to the satisfaction question), {@code q:dialog:step}
 * (ask a question whose answer the bot picked up from the newcomer's words, after all).
 */
public final class Payloads {
    private Payloads() {}

    public static String choice(String dialog, String step, int index) {
        return "c:" + dialog + ":" + step + ":" + index;
    }

    public static String value(String dialog, String step, String value) {
        return "v:" + dialog + ":" + step + ":" + value;
    }

    public static String ask(String dialog, String step) {
        return "q:" + dialog + ":" + step;
    }

    public static String go(String dialog) {
        return "go:" + dialog;
    }

    public static String language(String code) {
        return "lang:" + code;
    }

    public static String rating(int score) {
        return "rate:" + score;
    }

    public static String command(String name) {
        return "cmd:" + name;
    }
}
