package org.lots.helpdesk.dialog.script;

/** One thing wrong (or worth a look) in a content file, printed as {@code path:line: message}. */
public record Problem(String path, int line, Severity severity, String message) implements Comparable<Problem> {

    public enum Severity { ERROR, WARNING }

    public static Problem error(String path, int line, String message) {
        return new Problem(path, line, Severity.ERROR, message);
    }

    public static Problem warning(String path, int line, String message) {
        return new Problem(path, line, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return path + ":" + line + ": " + (isError() ? "" : "warning: ") + message;
    }

    @Override
    public int compareTo(Problem o) {
        int c = path.compareTo(o.path);
        return c != 0 ? c : Integer.compare(line, o.line);
    }
}
