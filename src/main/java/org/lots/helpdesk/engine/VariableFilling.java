package org.lots.helpdesk.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.dialog.Municipalities;
import org.lots.helpdesk.dialog.Step;
import org.lots.helpdesk.engine.Output.Button;
import org.lots.helpdesk.i18n.Texts;

import com.ibm.icu.text.NumberFormat;

/**
 * Picks up what the newcomer already said: the message that started a dialog, and later free text, fill the
 * dialog's variables (through {@link VariableFiller}); when the dialog reaches such a question it says briefly what
 * it understood, with a button that asks the question after all, and goes on instead of asking.
 * <p>
 * Which variables are picked up and not yet said is kept in the variable {@value #UNDERSTOOD} (their names), so it
 * survives between turns and shows in the preview's {@code trace.variables} with the values themselves.
 * <p>
 * The municipality ({@link MunicipalityMentions}) is picked up from any such text, whichever dialog it starts or
 * answers: the question is asked by {@code call: municipality}, so it is said back at that call, and its button runs
 * the call again. Where the newcomer lives stays true in a new topic, so it is said back there if not yet.
 */
final class VariableFilling {

    static final String UNDERSTOOD = "_understood", CLARIFIED = "_clarified";
    static final String SAID = "system.understood", FIX = "system.understood_fix", NEGATIONS = "system.negation_words";

    private final TurnContext w;

    VariableFilling(TurnContext w) {
        this.w = w;
    }

    /**
     * Fills the variables of a dialog's questions from a message.
     *
     * @param overwrite the message starts the dialog: what it says is newer than an earlier answer; later free text
     *                  only fills what is not known yet
     */
    void fill(String dialogId, String text, boolean overwrite) {
        fill(dialogId, text, overwrite, null);
    }

    /** @param answered the question the text answers itself (it is not filled a second time) */
    void fill(String dialogId, String text, boolean overwrite, Step answered) {
        Dialog d = w.content.dialog(dialogId).orElse(null);
        if (d == null) return;
        for (Step s : d.steps()) {
            String into = into(s);
            if (into == null || s == answered || (!overwrite && w.vars.containsKey(into))) continue;
            String value = valueIn(s, text);
            if (value != null) pickUp(into, value);
        }
        if (answered == null || !Municipalities.VARIABLE.equals(into(answered))) municipality(text, overwrite);
    }

    /** "I live in Uddevalla": where the newcomer lives, from any message (not when only one is served: no question). */
    private void municipality(String text, boolean overwrite) {
        List<Municipalities.Municipality> served = Municipalities.of(w.content.settings());
        if (served.size() < 2 || (!overwrite && w.vars.containsKey(Municipalities.VARIABLE))) return;
        String id = MunicipalityMentions.named(served, text);
        if (id != null && !id.equals(w.vars.get(Municipalities.VARIABLE))) pickUp(Municipalities.VARIABLE, id);
    }

    /**
     * The message is a municipality's name and nothing more ("Uddevalla", "i Trollhättan", "Dals-Ed"): every word of
     * three letters or more names the same served municipality. The router's letters then tell nothing (a name may
     * look like a greeting), so it is where the newcomer lives, whatever the router makes of it.
     */
    boolean onlyMunicipality(String text) {
        List<Municipalities.Municipality> served = Municipalities.of(w.content.settings());
        if (served.size() < 2 || text == null) return false;
        String id = null;
        for (String word : text.trim().split("\\s+")) {
            if (word.codePoints().filter(Character::isLetter).count() < 3) continue;
            String named = MunicipalityMentions.named(served, word);
            if (named == null || id != null && !id.equals(named)) return false;
            id = named;
        }
        return id != null;
    }

    /** Words that answer nothing asked but name where the newcomer lives: kept (newer than an earlier answer). */
    boolean municipalityNamed(String text) {
        List<Municipalities.Municipality> served = Municipalities.of(w.content.settings());
        String id = served.size() < 2 ? null : MunicipalityMentions.named(served, text);
        if (id == null) return false;
        if (!id.equals(w.vars.get(Municipalities.VARIABLE))) pickUp(Municipalities.VARIABLE, id);
        return true;
    }

    /**
     * Said at once when a message named only where the newcomer lives ("Uddevalla" at the menu): "I understood:
     * Uddevalla." with a button that asks the question of the dialog that asks for it (the dialog of the same name).
     */
    void sayMunicipality() {
        Municipalities.Municipality m = Municipalities.current(w.content.settings(), w.vars);
        if (m == null) return;
        mark(Municipalities.VARIABLE, false);
        List<Button> fix = w.content.dialog(Municipalities.VARIABLE).flatMap(d -> d.steps().stream()
                        .filter(st -> st instanceof Step.Ask a && Municipalities.VARIABLE.equals(a.into())).findFirst()
                        .map(st -> List.of(Button.action(w.text(FIX), Payloads.ask(d.id(), st.id())))))
                .orElse(List.of());
        w.say(SAID, Map.of("answer", m.name()), fix);
    }

    /**
     * A typed answer to the municipality question that names one ("jag bor i Trolhättan", "в Уддевалле"): the index
     * of its choice, or -1 (other questions, or none or two named).
     */
    int namedChoice(Step.Ask ask, String text) {
        if (!Municipalities.VARIABLE.equals(ask.into())) return -1;
        String id = MunicipalityMentions.named(Municipalities.of(w.content.settings()), text);
        for (int i = 0; id != null && i < ask.choices().size(); i++) {
            if (ask.choices().get(i).value().equals(id)) return i;
        }
        return -1;
    }

    /** A variable read from the newcomer's words, to be said when its question comes. */
    void pickUp(String into, String value) {
        w.vars.put(into, value);
        mark(into, true);
    }

    /** What the text answers to this question, or null. */
    String valueIn(Step s, String text) {
        if (s instanceof Step.Ask a && Municipalities.VARIABLE.equals(a.into())) {
            int i = namedChoice(a, text);
            return i < 0 ? null : a.choices().get(i).value();
        }
        if (s instanceof Step.Ask a && a.into() != null && a.choices().stream().anyMatch(Step.Choice::picksUp)) {
            int i = VariableFiller.choice(a, text, negations());
            return i < 0 ? null : a.choices().get(i).value();
        }
        if (s instanceof Step.Input in && !in.keywords().isEmpty()) return VariableFiller.number(in, text);
        return null;
    }

    /**
     * Before asking: true when the answer was picked up; then the bot has said so (with the button to ask after
     * all) and the caller goes on as if it had been answered.
     */
    boolean understood(Dialog d, Step s, String into, String answer) {
        if (into == null || !marked(into)) return false;
        mark(into, false);
        if (answer == null) return false;
        w.say(SAID, Map.of("answer", answer), List.of(Button.action(w.text(FIX), Payloads.ask(d.id(), s.id()))));
        return true;
    }

    /**
     * Before a {@code call}: the called dialog's questions whose answers were picked up ("I understood: Uddevalla")
     * are said here, with a button that runs this call again after forgetting them; the called dialog then finds
     * them known and does not ask.
     */
    void understoodCall(Dialog caller, Step.Call call) {
        Dialog called = w.content.dialog(call.dialog()).orElse(null);
        if (called == null) return;
        for (Step s : called.steps()) {
            if (!(s instanceof Step.Ask ask) || ask.into() == null || !marked(ask.into())) continue;
            int picked = pickedChoice(ask);
            mark(ask.into(), false);
            if (picked < 0) continue;
            w.say(SAID, Map.of("answer", w.text(ask.choices().get(picked).label())),
                    List.of(Button.action(w.text(FIX), Payloads.ask(caller.id(), call.id()))));
        }
    }

    /** "Not right" under what a call's dialog picked up: its answers are forgotten; false when it asks nothing. */
    boolean forgetCalled(Step.Call call) {
        Dialog called = w.content.dialog(call.dialog()).orElse(null);
        boolean any = false;
        for (Step s : called == null ? List.<Step>of() : called.steps()) {
            String into = into(s);
            if (into == null) continue;
            forget(into);
            any = true;
        }
        return any;
    }

    private static String into(Step s) {
        return s instanceof Step.Ask a ? a.into() : s instanceof Step.Input in ? in.into() : null;
    }

    /** The index of the picked-up choice of this question, or -1. */
    int pickedChoice(Step.Ask ask) {
        String value = ask.into() == null || !marked(ask.into()) ? null : w.vars.get(ask.into());
        for (int i = 0; value != null && i < ask.choices().size(); i++) {
            if (ask.choices().get(i).value().equals(value)) return i;
        }
        return -1;
    }

    /** The picked-up number for this input, in the newcomer's digits, or null. */
    String pickedNumber(Step.Input in) {
        String value = marked(in.into()) ? w.vars.get(in.into()) : null;
        if (value == null || w.answers().validate(in, value) == null) return null;
        return NumberFormat.getIntegerInstance(Texts.locale(w.language)).format(Long.parseLong(w.answers().validate(in, value)));
    }

    /** "Not right": the picked-up answer is forgotten and the question asked. */
    void forget(String into) {
        if (into == null) return;
        w.vars.remove(into);
        mark(into, false);
    }

    /** Picked-up answers not said yet are kept as values, but no longer said back; except where the newcomer lives. */
    void dropUnsaid() {
        boolean place = marked(Municipalities.VARIABLE);
        w.vars.remove(UNDERSTOOD);
        w.vars.remove(CLARIFIED);
        if (place) mark(Municipalities.VARIABLE, true);
    }

    /** While the bot asks which topic is meant, the question is kept: the topic chosen reads it then. */
    void keepForClarify(String text) {
        w.vars.put(CLARIFIED, text);
    }

    String clarified() {
        return w.vars.get(CLARIFIED);
    }

    private boolean marked(String into) {
        return names().contains(into);
    }

    private void mark(String into, boolean on) {
        Set<String> names = names();
        if (on ? !names.add(into) : !names.remove(into)) return;
        if (names.isEmpty()) w.vars.remove(UNDERSTOOD);
        else w.vars.put(UNDERSTOOD, String.join(" ", names));
    }

    private Set<String> names() {
        String v = w.vars.get(UNDERSTOOD);
        return v == null || v.isBlank() ? new LinkedHashSet<>() : new LinkedHashSet<>(Arrays.asList(v.split(" ")));
    }

    /** Negation words of the newcomer's language and of the fallback language. */
    private List<String> negations() {
        List<String> out = new ArrayList<>(VariableFiller.wordList(w.k.texts().raw(w.language, NEGATIONS)));
        if (!w.language.equals(w.fallbackLanguage)) out.addAll(VariableFiller.wordList(w.k.texts().raw(w.fallbackLanguage, NEGATIONS)));
        return out;
    }
}
