package org.lots.helpdesk.dialog.script;

/** A content file's path (as shown to editors) and its text, wherever it was read from. */
public record SourceFile(String path, String text) {

    /** The file name without folders and without {@code .yaml}/{@code .yml}. */
    public String baseName() {
        String name = path.substring(path.replace('\\', '/').lastIndexOf('/') + 1);
        return name.replaceFirst("\\.ya?ml$", "");
    }
}
