package org.lots.helpdesk.dialog.script;

/** A content file's path (as shown to editors) and its text, wherever it was read from. */
public record SourceFile(String path, String text) {

    /** Larger than any content file needs (the largest shipped one has about 50,000); bounds the reader's work. */
    public static final int MAX_CHARS = 2 * 1024 * 1024;
    private static final String TOO_LARGE = "\0too large";

    /** Stands for a file that was not even read because it is too large. */
    public static SourceFile tooLarge(String path) {
        return new SourceFile(path, TOO_LARGE);
    }

    public boolean tooLarge() {
        return TOO_LARGE.equals(text);
    }

    /** The file name without folders and without {@code .yaml}/{@code .yml}. */
    public String baseName() {
        String name = path.substring(path.replace('\\', '/').lastIndexOf('/') + 1);
        return name.replaceFirst("\\.ya?ml$", "");
    }
}
