package org.lots.helpdesk.dialog;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A branch condition over conversation variables: {@code var == value}, {@code var < 3}, {@code var is set}. */
public record Condition(String variable, String operator, String value) {

    private static final Pattern FORM =
            Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(==|!=|<=|>=|<|>|is set)\\s*(.*?)\\s*");

    /** @throws IllegalArgumentException with a message fit for an editor */
    public static Condition parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read condition '" + text
                    + "' (use 'var == value', 'var < 3' or 'var is set')");
        }
        String value = m.group(3);
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            value = value.substring(1, value.length() - 1);
        }
        if (m.group(2).equals("is set") != value.isEmpty()) {
            throw new IllegalArgumentException("cannot read condition '" + text + "'");
        }
        if (m.group(2).matches("[<>]=?") && parseNumber(value) == null) {
            throw new IllegalArgumentException("condition '" + text + "' compares with '" + value + "', which is not a number");
        }
        return new Condition(m.group(1), m.group(2), value);
    }

    public boolean holds(Map<String, String> variables) {
        String actual = variables.get(variable);
        switch (operator) {
            case "is set": return actual != null;
            case "==": return value.equalsIgnoreCase(actual == null ? "" : actual);
            case "!=": return !value.equalsIgnoreCase(actual == null ? "" : actual);
            default:
                Double a = parseNumber(actual), b = parseNumber(value);
                if (a == null || b == null) return false;
                return switch (operator) {
                    case "<" -> a < b;
                    case "<=" -> a <= b;
                    case ">" -> a > b;
                    default -> a >= b;
                };
        }
    }

    private static Double parseNumber(String s) {
        if (s == null) return null;
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
