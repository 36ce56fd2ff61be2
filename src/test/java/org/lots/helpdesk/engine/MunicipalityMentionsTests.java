package org.lots.helpdesk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.dialog.Municipalities;
import org.lots.helpdesk.dialog.Municipalities.Municipality;
import org.yaml.snakeyaml.Yaml;

/**
 * The municipality matcher on the shipped settings (translations/settings.yaml, with its aliases): each script,
 * inflection, typos, and no false hit in the ordinary sentences of the ten languages that the content holds.
 */
class MunicipalityMentionsTests {

    static final List<Municipality> SERVED = served();

    @SuppressWarnings("unchecked")
    private static List<Municipality> served() {
        try (Reader r = Files.newBufferedReader(Path.of("translations", "settings.yaml"), StandardCharsets.UTF_8)) {
            return Municipalities.of((Map<String, ?>) new Yaml().load(r));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String named(String text) {
        return MunicipalityMentions.named(SERVED, text);
    }

    @Test
    void theNameInASentenceAfterFolding() {
        assertEquals("uddevalla", named("I live in Uddevalla, where can I learn Swedish?"));
        assertEquals("trollhattan", named("jag bor i Trollhättan"));
        assertEquals("trollhattan", named("jag bor i trollhattan"));
        assertEquals("stromstad", named("STRÖMSTAD"));
        assertEquals("dals-ed", named("vi bor i Dals-Ed sedan maj"));
        assertEquals("dals-ed", named("vi bor i Dals Ed"));
        assertEquals("dals-ed", named("dalsed kommun"));
        assertEquals("sotenas", named("we moved to Kungshamn"));
    }

    @Test
    void inflectionAfterTheName() {
        assertEquals("uddevalla", named("Uddevallas kommun har SFI?"));
        assertEquals("trollhattan", named("Trollhättans SFI"));
        assertEquals("uddevalla", named("Uddevalla's library"));
        assertEquals("uddevalla", named("Uddevallada yaşıyorum"));                // Turkish locative, no apostrophe
        assertEquals("vanersborg", named("Vänersborg'da oturuyorum"));
        assertEquals("amal", named("Åmåls kommun"));
        assertEquals("trollhattan", named("я живу в Тролльхеттане"));              // Russian prepositional
        assertEquals("uddevalla", named("мы живём в Уддевалле"));                   // the last vowel changes
        assertEquals("uddevalla", named("из Уддеваллы"));
        assertEquals("vanersborg", named("живу у Венерсборзі"));                     // Ukrainian: г before і becomes з
        assertEquals("trollhattan", named("живу в Тролльгеттані"));
        assertEquals("amal", named("я из Омоля"));
        assertEquals("orust", named("на Орусте"));
    }

    @Test
    void otherScripts() {
        assertEquals("trollhattan", named("أعيش في ترولهاتان، أين أتعلم السويدية؟"));
        assertEquals("trollhattan", named("اسكن بترولهاتان"));                      // bi- joined to the name
        assertEquals("uddevalla", named("انا من اوديفالا"));
        assertEquals("vanersborg", named("من در ونرسبوری زندگی می‌کنم"));            // Persian
        assertEquals("trollhattan", named("ኣብ ትሮልሃታን እየ ዝነብር"));                   // Tigrinya
        assertEquals("trollhattan", named("ብትሮልሃታን"));
        assertEquals("uddevalla", named("живу в Уддевалле, где учить шведский"));
        assertEquals("stromstad", named("Живу в Стрёмстаде"));
    }

    @Test
    void oneTypoInALongName() {
        assertEquals("uddevalla", named("i live in udevalla"));
        assertEquals("trollhattan", named("jag bor i trolhättan"));
        assertEquals("trollhattan", named("trollhätan"));
        assertEquals("vanersborg", named("venersborg"));
        assertEquals("vanersborg", named("vänersbrog"));                            // two letters swapped
        assertEquals("trollhattan", named("troll hättan"));                           // written apart
        assertEquals("uddevalla", named("udevallas sfi"));
        assertEquals("trollhattan", named("в Трольхеттане"));
        assertNull(named("i live in uudevallla"));                                    // two typos
        assertNull(named("trolhatan"));
    }

    @Test
    void shortNamesOnlyExact() {
        assertEquals("tanum", named("jag bor i Tanum"));
        assertEquals("orust", named("orust"));
        assertEquals("lysekil", named("Lysekil"));
        assertNull(named("tanu"));
        assertNull(named("tanim"));                                                   // no typo below six letters
        assertNull(named("orost"));
        assertNull(named("amel"));
        assertNull(named("tanumx"));
        assertNull(named("amalgam"));
        assertNull(named("orustic"));
        // Known limit (docs/content-format.md): folded, the first name Amal is Åmål; the bot says so and can be corrected.
        assertEquals("amal", named("my name is Amal"));
    }

    @Test
    void neverInsideAnotherWord() {
        assertNull(named("korust"));
        assertNull(named("a robust plan"));
        assertNull(named("i work at Lantanum AB"));
        assertNull(named("chorus music"));
        assertNull(named("I visited Vänern and Dalsland"));
        assertNull(named("ed sheeran"));
        assertNull(named("dals"));
        assertNull(named("Göteborg"));
        assertNull(named("Trollhättekanalen"));
        // two words joined, a little word dropped and a typo: three liberties at once ("the kommun, which" in Dari)
        assertNull(named("از کمون کدام جوازها بگیرم"));
        assertEquals("trollhattan", named("jag bor i troll hättan"));                    // two words joined alone: still
    }

    @Test
    void twoMunicipalitiesNamedIsNoAnswer() {
        assertNull(named("I live between Trollhättan and Vänersborg"));
        assertEquals(List.of("trollhattan", "vanersborg"), List.copyOf(MunicipalityMentions.all(SERVED, "Trollhättan eller Vänersborg")));
        assertEquals("trollhattan", named("Trollhättan, yes, trollhattan"));       // the same one twice is one
    }

    /** Every example phrase and keyword of the dialogs, and every text of the ten languages: none names a municipality. */
    @Test
    void noFalseHitInTheOrdinarySentencesOfTheTenLanguages() throws IOException {
        List<String> hits = new ArrayList<>();
        int read = 0;
        for (Path f : yamlFiles(Path.of("dialogs"))) {
            for (String phrase : strings(load(f))) {
                read++;
                if (MunicipalityMentions.all(SERVED, phrase).size() > 0) hits.add(f + ": " + phrase + " -> " + MunicipalityMentions.all(SERVED, phrase));
            }
        }
        for (Path f : yamlFiles(Path.of("translations"))) {
            if (f.getFileName().toString().equals("settings.yaml")) continue;
            for (String text : strings(load(f))) {
                read++;
                if (MunicipalityMentions.all(SERVED, text).size() > 0) hits.add(f + ": " + text + " -> " + MunicipalityMentions.all(SERVED, text));
            }
        }
        assertEquals(List.of(), hits);
        assertEquals(true, read > 5000, "read " + read);
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static Object load(Path f) throws IOException {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            return new Yaml().load(r);
        }
    }

    /** Every string value of a YAML document, at any depth. */
    private static List<String> strings(Object node) {
        List<String> out = new ArrayList<>();
        if (node instanceof String s) out.add(s);
        else if (node instanceof Map<?, ?> m) m.values().forEach(v -> out.addAll(strings(v)));
        else if (node instanceof List<?> l) l.forEach(v -> out.addAll(strings(v)));
        return out;
    }
}
