package org.lots.helpdesk;

import com.ibm.icu.lang.UScript;

/** Checks that a text is written in the script its language uses (ignoring URLs, placeholders, digits and names). */
public final class Scripts {
    private Scripts() {}

    /** The share of letters in the script named (ICU: Arabic, Ethiopic, Cyrillic, Latin); 1 for a text without letters. */
    public static double share(String text, String scriptName) {
        int code = UScript.getCodeFromName(scriptName);
        String t = text.replaceAll("https?://\\S+", "").replaceAll("\\{[^}]*}", "");
        int letters = 0, inScript = 0;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            letters++;
            if (UScript.getScript(cp) == code) inScript++;
        }
        return letters == 0 ? 1 : (double) inScript / letters;
    }

    /** At least 60% of the letters in the script: Swedish names of institutions may stand in any text. */
    public static boolean mostlyIn(String text, String scriptName) {
        return share(text, scriptName) >= 0.6;
    }
}
