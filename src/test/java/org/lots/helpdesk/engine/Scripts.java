package org.lots.helpdesk.engine;

import com.ibm.icu.lang.UScript;

/** Checks that a text is written in the script its language uses (ignoring URLs, digits and names). */
final class Scripts {
    private Scripts() {}

    static boolean mostlyIn(String text, String scriptName) {
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
        return letters == 0 || inScript * 10 >= letters * 6;
    }
}
