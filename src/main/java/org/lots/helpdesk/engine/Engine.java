package org.lots.helpdesk.engine;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.dialog.Step;
import org.lots.helpdesk.engine.ConversationState.Frame;
import org.lots.helpdesk.engine.ConversationState.Mode;
import org.lots.helpdesk.engine.LanguageIdentifier.Detection;
import org.lots.helpdesk.engine.Output.Button;
import org.lots.helpdesk.engine.Output.Reply;
import org.lots.helpdesk.engine.Output.Unanswered.Reason;
import org.lots.helpdesk.engine.Router.Routing;
import org.lots.helpdesk.i18n.Texts;
import org.lots.helpdesk.language.TextNormalizer;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;

/**
 * The dialog engine: from content, a conversation state and an input it computes the new state and the outputs.
 * It does no I/O; channels deliver the replies and the store keeps the state.
 */
public final class Engine {

    public static final String CLARIFY = "clarify";
    /** Where the conversation is after an adviser closed it, while the bot asks how happy the newcomer was. */
    public static final String SATISFACTION = "satisfaction";
    /** Satisfaction answers run from 1 (not at all happy) to this. */
    public static final int SATISFACTION_MAX = 5;
    /** Longer messages get a polite request to shorten them; the text is still stored by the caller. */
    public static final int MAX_TEXT = 2000;
    /** A dialog that loops through steps without waiting for the newcomer is a content bug; stop it here. */
    private static final int MAX_STEPS_PER_TURN = 64;
    /** Dialogs that are not a topic of their own (for handoff topics and statistics). */
    private static final Set<String> NOT_TOPICS = Set.of(Content.WELCOME, Content.FALLBACK, Content.HANDOFF, "helped", CLARIFY,
            SATISFACTION);

    /** Codes channels send for languages the content names otherwise: Dari and Iranian Persian are both "fa". */
    private static final Map<String, String> LANGUAGE_ALIASES = Map.of("prs", "fa", "pes", "fa", "fas", "fa", "per", "fa",
            "ara", "ar", "arb", "ar", "som", "so", "tir", "ti", "ukr", "uk", "rus", "ru");

    /** Content topics are named {@code area.topic} (jobs.find, business.start); welcome, thanks, fallback are not. */
    static boolean isTopic(String dialogId) {
        return dialogId.contains(".") && !NOT_TOPICS.contains(dialogId);
    }

    private final LanguageIdentifier languages;
    private final String fallbackLanguage;
    private final Privacy privacy;

    public Engine(LanguageIdentifier languages, String fallbackLanguage) {
        this(languages, fallbackLanguage, Retention.DEFAULT, true);
    }

    /**
     * @param retention          how long data is kept, for the privacy texts to say
     * @param firstContactNotice whether the first turn ends with the short privacy notice (off where the channel
     *                           shows it itself, e.g. a web page around the chat)
     */
    public Engine(LanguageIdentifier languages, String fallbackLanguage, Retention retention, boolean firstContactNotice) {
        this.languages = languages;
        this.fallbackLanguage = fallbackLanguage;
        this.privacy = new Privacy(retention, firstContactNotice);
    }

    /** The privacy texts (the conversation layer adds the first-contact notice with it). */
    public Privacy privacy() {
        return privacy;
    }

    /**
     * @param languageHint what the channel guesses (Telegram's language_code, the browser's language); may be null
     */
    public Turn handle(Knowledge knowledge, ConversationState state, Input input, String languageHint) {
        return handle(knowledge, state, input, languageHint, Helpline.UNKNOWN);
    }

    /**
     * @param helpline what the help desk can promise if this turn hands the newcomer over to a person (asked only
     *                 then); {@link Helpline#UNKNOWN} keeps to the handoff step's own text
     */
    public Turn handle(Knowledge knowledge, ConversationState state, Input input, String languageHint, Helpline helpline) {
        return handle(knowledge, state, input, languageHint, helpline, StoredData.UNKNOWN);
    }

    /** @param stored what is stored about this newcomer, asked only for {@code /mydata} */
    public Turn handle(Knowledge knowledge, ConversationState state, Input input, String languageHint, Helpline helpline,
                       StoredData stored) {
        Work w = new Work(knowledge, state, languageHint, helpline);
        w.stored = stored == null ? StoredData.UNKNOWN : stored;
        if (input instanceof Input.Text t) w.typed(t.text());
        else if (input instanceof Input.Payload p) w.payload(p.payload());
        else if (input instanceof Input.Command c) w.command(c.name(), c.argument());
        else if (input instanceof Input.Event e) w.event(e.kind());
        else if (input instanceof Input.Media m) w.media(m.kind(), m.reference());
        return w.result();
    }

    /** One turn's mutable scratch state; the engine itself stays stateless and thread-safe. */
    private final class Work {
        final Knowledge k;
        final Content content;
        final Helpline helpline;
        StoredData stored = StoredData.UNKNOWN;
        String language;
        boolean confirmed;
        String dialog, step;
        List<Frame> stack;
        Map<String, String> vars;
        Mode mode;
        int misses;
        String topic;
        List<String> candidates;
        Double confidence;
        final List<Output> out = new ArrayList<>();
        int steps;

        Work(Knowledge k, ConversationState s, String hint, Helpline helpline) {
            this.k = k;
            this.content = k.content();
            this.helpline = helpline == null ? Helpline.UNKNOWN : helpline;
            this.language = s.language();
            this.confirmed = s.languageConfirmed();
            if (language == null || !content.languages().contains(language)) {
                language = supported(hint) ? base(hint) : fallbackLanguage;
                confirmed = false;
            }
            dialog = s.dialog();
            step = s.step();
            stack = new ArrayList<>(s.stack());
            vars = new LinkedHashMap<>(s.variables());
            mode = s.mode();
            misses = s.misses();
            topic = s.topic();
            candidates = new ArrayList<>(s.candidates());
            // Content may have changed under a waiting conversation: a vanished step restarts its dialog.
            if (dialog != null && !dialog.equals(CLARIFY) && !dialog.equals(SATISFACTION) && content.dialog(dialog).isEmpty()) {
                dialog = null;
                step = null;
                stack.clear();
            } else if (step != null && content.dialog(dialog).flatMap(d -> d.step(step)).isEmpty()) {
                step = null;
                restartDialog = true;
            }
        }

        boolean restartDialog;
        /** This turn answers a newcomer in danger: a handoff it asks for is urgent. */
        boolean urgent;

        Turn result() {
            ConversationState s = new ConversationState(language, confirmed, dialog, step, List.copyOf(stack),
                    Map.copyOf(vars), mode, misses, topic, List.copyOf(candidates));
            return new Turn(s, List.copyOf(out), new Trace(language, dialog, step, s.escalated(), confidence, List.copyOf(candidates)));
        }

        // ------------------------------------------------------------ inputs

        void typed(String raw) {
            String text = TextNormalizer.clean(raw);
            if (text.isEmpty()) {
                say("system.empty", navigation());
                return;
            }
            DangerDetector.Danger danger = SafetyCheck.detect(k, text);
            if (danger != null) {
                safety(danger, text);
                return;
            }
            if (text.length() > MAX_TEXT) {
                say("system.too_long", Map.of("max", MAX_TEXT), navigation());
                return;
            }
            if (!TextNormalizer.hasLetterOrDigit(text)) {
                say("system.unreadable", navigation());
                return;
            }
            if (mode == Mode.HUMAN) {
                out.add(new Output.ForAdviser(text));
                return;
            }
            if (SATISFACTION.equals(dialog)) {
                Double n = TextNormalizer.number(text);
                if (n != null && n == Math.rint(n) && n >= 1 && n <= SATISFACTION_MAX) {
                    rate(n.intValue());
                    return;
                }
            }
            if (!chooseLanguage(text)) return;
            String key = TextNormalizer.key(text);
            if (answers().matchesWords("system.menu_words", key)) {
                showMenu();
                return;
            }
            if (answers().matchesWords("system.human_words", key)) {
                startDialog(Content.HANDOFF, true);
                return;
            }
            if (restartDialog) {
                restartDialog = false;
                enterDialog(dialog);
                return;
            }
            Step pending = pendingStep();
            if (pending instanceof Step.Handoff && (answers().matchesWords("system.yes_words", key) || answers().matchesWords("system.no_words", key))) {
                consent(answers().matchesWords("system.yes_words", key));
                return;
            }
            if (pending instanceof Step.Input in) {
                String value = answers().validate(in, text);
                if (value != null) {
                    vars.put(in.into(), value);
                    step = null;
                    continueAfter(in, in.next());
                    return;
                }
                if (!routeIfConfident(text)) reAsk(in);
                return;
            }
            if (pending instanceof Step.Ask ask) {
                int chosen = answers().matchChoice(ask, key);
                if (chosen >= 0) {
                    choose(dialog, ask, chosen);
                    return;
                }
                // In menus and in fallback a typed question is a new question; inside a topic, an answer was expected.
                if (NOT_TOPICS.contains(dialog)) {
                    route(text);
                    return;
                }
                Routing routing = k.router().route(text, language);
                if (routeIfConfident(routing)) return;
                // Words that fit neither a button nor any topic count as not understood, like free text does:
                // the second time in a row brings a person.
                if (routing.decision() == Routing.Decision.NONE && ++misses >= 2) {
                    unanswered(text, Reason.FALLBACK);
                    startDialog(Content.HANDOFF, true);
                    return;
                }
                say("system.invalid_choice", List.of());
                runStep(currentDialog(), ask);
                return;
            }
            route(text);
        }

        /** Danger comes before everything else a message meets; see {@link SafetyCheck}. */
        void safety(DangerDetector.Danger danger, String text) {
            if (mode == Mode.HUMAN) out.add(new Output.ForAdviser(text));
            SafetyCheck.Language l = SafetyCheck.language(languages.detect(k.languageHints().withoutLoanwords(text)),
                    language, confirmed, content.languages());
            language = l.language();
            confirmed = l.confirmed();
            misses = 0;
            urgent = true;
            out.add(new Output.SafetyAlert(danger.dialog()));
            startDialog(danger.dialog(), true);
            out.add(new Output.Unanswered(text, language, Reason.SAFETY, danger.dialog(), null));
        }

        void payload(String payload) {
            String[] p = payload == null ? new String[0] : payload.split(":", 4);
            if (mode == Mode.HUMAN && !(p.length == 2 && (p[0].equals("lang") || p[0].equals("cmd")))) {
                out.add(new Output.ForAdviser("[" + payload + "]"));
                return;
            }
            if (p.length == 4 && p[0].equals("c")) {
                Dialog d = content.dialog(p[1]).orElse(null);
                Step s = d == null ? null : d.step(p[2]).orElse(null);
                Integer index = parseIndex(p[3]);
                if (s instanceof Step.Ask ask && index != null && index >= 0 && index < ask.choices().size()) {
                    if (!p[1].equals(dialog)) stack.clear();
                    dialog = p[1];
                    choose(p[1], ask, index);
                    return;
                }
            } else if (p.length == 4 && p[0].equals("v")) {
                Dialog d = content.dialog(p[1]).orElse(null);
                Step s = d == null ? null : d.step(p[2]).orElse(null);
                // A button value is checked like a typed answer: payloads can be forged.
                String value = s instanceof Step.Input in ? (in.expect() == Step.Expect.YESNO
                        ? (p[3].equals("yes") || p[3].equals("no") ? p[3] : null) : answers().validate(in, p[3])) : null;
                if (s instanceof Step.Input in && value != null) {
                    if (!p[1].equals(dialog)) stack.clear();
                    dialog = p[1];
                    vars.put(in.into(), value);
                    step = null;
                    continueAfter(in, in.next());
                    return;
                }
            } else if (p.length == 2 && p[0].equals("go") && content.dialog(p[1]).isPresent()) {
                misses = 0;
                startDialog(p[1], true);
                return;
            } else if (p.length == 2 && p[0].equals("lang") && content.languages().contains(p[1])) {
                boolean first = dialog == null;
                language = p[1];
                confirmed = true;
                if (first) startDialog(Content.WELCOME, true);
                else showMenu();
                return;
            } else if (p.length == 2 && p[0].equals("cmd")) {
                command(p[1], null);
                return;
            } else if (p.length == 2 && p[0].equals("rate")) {
                Integer score = parseIndex(p[1]);
                if (score != null && score >= 1 && score <= SATISFACTION_MAX) {
                    rate(score);
                    return;
                }
            }
            say("system.stale_button", List.of());
            showMenu();
        }

        /** Files go to an adviser who has the chat (or is awaited); otherwise the bot says what it can read. */
        void media(String kind, String reference) {
            String known = List.of("voice", "photo", "sticker", "document", "location", "contact", "edited").contains(kind) ? kind : "other";
            if (mode != Mode.BOT && reference != null && !known.equals("edited")) {
                out.add(new Output.ForAdviser("[" + known + "]", known, reference));
                if (mode == Mode.WAITING) say("system.passed_to_adviser", List.of());
                return;
            }
            say("system.kind." + known, navigation());
        }

        void command(String name, String argument) {
            switch (name == null ? "" : name) {
                case "start" -> {
                    reset();
                    if (argument != null && content.languages().contains(argument)) {
                        language = argument;
                        confirmed = true;
                    }
                    if (argument != null && content.dialog(argument).isPresent() && !argument.equals(Content.WELCOME)) {
                        startDialog(argument, true);
                    } else {
                        startDialog(Content.WELCOME, true);
                    }
                }
                case "restart" -> {
                    reset();
                    say("system.restarted", List.of());
                    startDialog(Content.WELCOME, true);
                }
                case "menu" -> showMenu();
                case "help" -> {
                    say("system.help", List.of());
                    showMenu();
                }
                case "language" -> languageMenu("system.language_menu");
                case "human" -> {
                    // An adviser already has the chat: they see the request instead of a second handoff.
                    if (mode == Mode.HUMAN) out.add(new Output.ForAdviser("/human"));
                    else startDialog(Content.HANDOFF, true);
                }
                case "forget" -> say("system.forget_confirm", List.of(
                        Button.action(text("system.forget_yes"), Payloads.command("forget_yes")),
                        Button.action(text("system.forget_no"), Payloads.command("forget_no"))));
                case "forget_yes" -> {
                    reset();
                    mode = Mode.BOT;
                    topic = null;
                    out.add(new Output.ForgetRequested());
                    say("system.forgotten", List.of());
                }
                case "forget_no" -> say("system.forget_kept", navigation());
                case "privacy" -> say("privacy.notice", privacy.retentionArgs(k.texts(), language), navigation());
                case "mydata" -> {
                    StoredData.Summary s = stored.summary();
                    String languageName = content.catalogue().names().getOrDefault(language, language);
                    if (s == null || s.messages() == 0) say("privacy.mydata_none", Map.of("language", languageName), navigation());
                    else say("privacy.mydata", privacy.summaryArgs(s, language, languageName), navigation());
                }
                case "consent_yes", "consent_no" -> consent(name.equals("consent_yes"));
                case "stop" -> {
                    out.add(new Output.Stopped());
                    say("system.stopped", List.of());
                }
                default -> {
                    say("system.stale_button", List.of());
                    showMenu();
                }
            }
        }

        void event(Input.Event.Kind kind) {
            switch (kind) {
                case ADVISER_JOINED -> {
                    mode = Mode.HUMAN;
                    step = null;
                    say("handoff.adviser_joined", List.of());
                }
                case ADVISER_CLOSED -> {
                    boolean talked = mode == Mode.HUMAN;
                    mode = Mode.BOT;
                    misses = 0;
                    step = null;
                    if (!talked) {
                        say("system.adviser_closed", navigation());
                        return;
                    }
                    say("system.adviser_closed", List.of());
                    stack.clear();
                    candidates.clear();
                    dialog = SATISFACTION;
                    List<Button> scores = new ArrayList<>();
                    NumberFormat digits = NumberFormat.getIntegerInstance(Texts.locale(language));
                    for (int i = 1; i <= SATISFACTION_MAX; i++) scores.add(Button.action(digits.format(i), Payloads.rating(i)));
                    say("handoff.satisfaction_q", scores);
                }
            }
        }

        /** Before a handoff: may an adviser read this conversation? The handoff step waits for the answer. */
        void askConsent(Dialog d, Step.Handoff h) {
            dialog = d.id();
            step = h.id();
            say("privacy.consent_q", List.of(Button.action(text("privacy.consent_yes"), Payloads.command("consent_yes")),
                    Button.action(text("privacy.consent_no"), Payloads.command("consent_no"))));
        }

        /** Yes: the handoff goes ahead. No: the bot carries on and says how else to reach the helpline. */
        void consent(boolean yes) {
            if (!(pendingStep() instanceof Step.Handoff h)) {
                say("system.stale_button", List.of());
                showMenu();
                return;
            }
            step = null;
            if (yes) {
                vars.put(Privacy.CONSENT, "yes");
                runStep(currentDialog(), h);
            } else {
                say("privacy.consent_declined", navigation());
                endDialog();
            }
        }

        /** An answer to the satisfaction question (a button, or the number typed); later presses count too. */
        void rate(int score) {
            out.add(new Output.SatisfactionGiven(score));
            if (SATISFACTION.equals(dialog)) dialog = null;
            step = null;
            say("handoff.satisfaction_thanks", navigation());
        }

        void reset() {
            dialog = null;
            step = null;
            stack.clear();
            vars.clear();
            misses = 0;
            candidates.clear();
            restartDialog = false;
        }

        // ------------------------------------------------------------ language

        /** Sets or switches the conversation's language from what was typed. False when the turn is answered. */
        boolean chooseLanguage(String text) {
            Detection d = languages.detect(k.languageHints().withoutLoanwords(text), k.languageHints());
            if (d.language() == null || !d.clear()) {
                String byPhrase = k.languageHints().languageOfPhrase(text);
                if (byPhrase != null && !confirmed) d = new Detection(byPhrase, 1.0, false, false);
            }
            if (d.unsupported() && !confirmed) {
                languageMenu("system.unsupported_language");
                return false;
            }
            if (d.language() == null || !content.languages().contains(d.language()) || d.language().equals(language)) {
                if (d.clear() && d.language() != null && d.language().equals(language)) confirmed = true;
                return true;
            }
            if (!confirmed) {
                // A first guess (a channel hint or the fallback) gives way to any real signal without fuss.
                if (d.clear() || dialog == null) {
                    language = d.language();
                    confirmed = d.clear();
                }
                return true;
            }
            if (d.clear()) {
                String previous = language;
                language = d.language();
                say("system.language_switched", List.of(Button.action(
                        k.texts().format(previous, "system.language_back",
                                Map.of("language", content.catalogue().names().getOrDefault(previous, previous))),
                        Payloads.language(previous))));
            }
            return true;
        }

        void languageMenu(String key) {
            List<Button> buttons = new ArrayList<>();
            content.catalogue().names().forEach((code, name) -> buttons.add(Button.action(name, Payloads.language(code))));
            say(key, buttons);
        }

        boolean supported(String code) {
            return code != null && content.languages().contains(base(code));
        }

        String base(String code) {
            String base = code.toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
            return LANGUAGE_ALIASES.getOrDefault(base, base);
        }

        // ------------------------------------------------------------ routing

        void route(String text) {
            Routing r = k.router().route(text, language);
            confidence = r.best() == null ? null : r.best().score();
            switch (r.decision()) {
                case CONFIDENT -> {
                    misses = 0;
                    startDialog(r.best().dialog(), true);
                    if (r.best().dialog().equals(Content.HANDOFF)) unanswered(text, Reason.HANDOFF);
                }
                case AMBIGUOUS -> {
                    misses = 0;
                    List<Button> buttons = new ArrayList<>();
                    candidates.clear();
                    for (Router.Candidate c : r.candidates()) {
                        candidates.add(c.dialog());
                        buttons.add(Button.action(title(c.dialog()), Payloads.go(c.dialog())));
                    }
                    buttons.add(Button.action(k.texts().format(language, "system.human_button"), Payloads.command("human")));
                    stack.clear();
                    dialog = CLARIFY;
                    step = null;
                    say("system.clarify", buttons);
                    unanswered(text, Reason.CLARIFY);
                }
                case NONE -> {
                    misses++;
                    unanswered(text, Reason.FALLBACK);
                    startDialog(misses >= 2 ? Content.HANDOFF : Content.FALLBACK, true);
                }
            }
        }

        /** Inside a question, free text that clearly asks about something else leaves the question. */
        boolean routeIfConfident(String text) {
            return routeIfConfident(k.router().route(text, language));
        }

        boolean routeIfConfident(Routing r) {
            if (r.decision() == Routing.Decision.CONFIDENT && !r.best().dialog().equals(dialog)) {
                confidence = r.best().score();
                misses = 0;
                startDialog(r.best().dialog(), true);
                return true;
            }
            return false;
        }

        void unanswered(String text, Reason reason) {
            out.add(new Output.Unanswered(text, language, reason, dialog, step));
        }

        String title(String dialogId) {
            String key = content.dialog(dialogId).map(Dialog::title).orElse(null);
            return key == null ? dialogId : k.texts().format(language, key);
        }

        // ------------------------------------------------------------ running dialogs

        void showMenu() {
            stack.clear();
            candidates.clear();
            Dialog welcome = content.dialog(Content.WELCOME).orElseThrow();
            dialog = Content.WELCOME;
            runFrom(welcome, welcome.step(Content.MENU_STEP).orElseThrow());
        }

        void startDialog(String id, boolean clearStack) {
            if (clearStack) stack.clear();
            candidates.clear();
            enterDialog(id);
        }

        void enterDialog(String id) {
            Dialog d = content.dialog(id).orElse(null);
            if (d == null) {
                showMenu();
                return;
            }
            dialog = id;
            if (isTopic(id)) topic = id;
            runFrom(d, d.startStep());
        }

        /** {@code goto: welcome#menu}: another dialog, at a given step (the menu without the greeting again). */
        void enterDialogAt(String id, String stepId) {
            Dialog d = content.dialog(id).orElse(null);
            Step target = d == null ? null : d.step(stepId).orElse(null);
            if (target == null) {
                enterDialog(id);
                return;
            }
            dialog = id;
            if (isTopic(id)) topic = id;
            runFrom(d, target);
        }

        Dialog currentDialog() {
            return content.dialog(dialog).orElseThrow();
        }

        Step pendingStep() {
            if (step == null || dialog == null) return null;
            return content.dialog(dialog).flatMap(d -> d.step(step)).orElse(null);
        }

        void choose(String dialogId, Step.Ask ask, int index) {
            misses = 0;
            Step.Choice c = ask.choices().get(index);
            if (ask.into() != null) vars.put(ask.into(), c.value());
            step = null;
            Dialog d = content.dialog(dialogId).orElseThrow();
            dialog = dialogId;
            runFrom(d, d.step(c.next()).orElseThrow());
        }

        void continueAfter(Step from, String next) {
            Dialog d = currentDialog();
            Step target = next != null ? d.step(next).orElse(null) : d.following(from).orElse(null);
            if (target == null) endDialog();
            else runFrom(d, target);
        }

        void runFrom(Dialog d, Step s) {
            dialog = d.id();
            step = null;
            runStep(d, s);
        }

        void runStep(Dialog d, Step s) {
            if (++steps > MAX_STEPS_PER_TURN) {
                stack.clear();
                dialog = Content.FALLBACK;
                step = null;
                return;
            }
            if (s instanceof Step.Say say) {
                List<Button> links = new ArrayList<>();
                say.links().forEach(l -> links.add(Button.link(text(l.label()), k.texts().url(l.url(), vars))));
                say(say.text(), links);
                continueAfter(say, say.next());
            } else if (s instanceof Step.Ask ask) {
                List<Button> buttons = new ArrayList<>();
                for (int i = 0; i < ask.choices().size(); i++) {
                    buttons.add(Button.action(text(ask.choices().get(i).label()), Payloads.choice(d.id(), ask.id(), i)));
                }
                if (d.id().equals(Content.WELCOME) && ask.id().equals(Content.MENU_STEP)) {
                    buttons.add(Button.action(text("system.language_button"), Payloads.command("language")));
                }
                say(ask.text(), buttons);
                step = ask.id();
            } else if (s instanceof Step.Input in) {
                say(in.text(), inputButtons(d, in));
                step = in.id();
            } else if (s instanceof Step.Branch b) {
                String next = b.otherwise();
                for (Step.Rule r : b.rules()) {
                    if (r.condition().holds(vars)) {
                        next = r.next();
                        break;
                    }
                }
                runStep(d, d.step(next).orElseThrow());
            } else if (s instanceof Step.Call c) {
                String next = c.next() != null ? c.next() : d.following(c).map(Step::id).orElse(null);
                stack.add(new Frame(d.id(), next));
                enterDialog(c.dialog());
            } else if (s instanceof Step.Goto g) {
                if (d.step(g.target()).isPresent()) runStep(d, d.step(g.target()).get());
                else if (g.target().contains("#")) enterDialogAt(g.target().split("#", 2)[0], g.target().split("#", 2)[1]);
                else enterDialog(g.target());
            } else if (s instanceof Step.Handoff h) {
                boolean urgent = this.urgent || DangerDetector.isSafetyDialog(d.id());
                // An adviser reads the whole conversation: ask first. An urgent (safety) handoff does not wait for
                // this: a person in danger is helped first (vital interests, GDPR art. 6(1)(d); docs/privacy.md).
                if (Privacy.asksConsent(mode, vars, urgent)) {
                    askConsent(d, h);
                    return;
                }
                // Say what happens next when the help desk can tell: the place in the queue, or when it opens.
                Helpline.Availability a = mode == Mode.HUMAN ? null : helpline.availability();
                String urgentKey = urgent ? SafetyCheck.handoffKey(mode, a) : null;
                if (urgent) {
                    if (urgentKey != null) say(urgentKey, Map.of("when", a instanceof Helpline.Closed c ? when(c.opens()) : ""), List.of());
                } else if (a instanceof Helpline.Open open) say("handoff.position", Map.of("position", open.position()), List.of());
                else if (a instanceof Helpline.Closed closed) say("handoff.closed_until", Map.of("when", when(closed.opens())), List.of());
                else if (h.text() != null) say(h.text(), List.of());
                if (mode == Mode.BOT) mode = Mode.WAITING;
                out.add(new Output.HandoffRequested(topic, vars.get("topic_note"), language, urgent));
                endDialog();
            } else if (s instanceof Step.End e) {
                if (e.text() != null) say(e.text(), List.of());
                endDialog();
            }
        }

        void endDialog() {
            step = null;
            while (!stack.isEmpty()) {
                Frame f = stack.remove(stack.size() - 1);
                Dialog caller = content.dialog(f.dialog()).orElse(null);
                if (caller == null) continue;
                dialog = caller.id();
                if (f.next() == null) continue;
                Step next = caller.step(f.next()).orElse(null);
                if (next != null) {
                    runStep(caller, next);
                    return;
                }
            }
        }

        /** Weekday, date and time in the newcomer's language, in the helpline's time zone. */
        String when(ZonedDateTime t) {
            DateFormat f = DateFormat.getInstanceForSkeleton("EEEEdMMMMjmm", Texts.locale(language));
            f.setTimeZone(TimeZone.getTimeZone(t.getZone().getId()));
            return f.format(Date.from(t.toInstant()));
        }

        List<Button> inputButtons(Dialog d, Step.Input in) {
            List<Button> buttons = new ArrayList<>();
            if (in.expect() == Step.Expect.YESNO) {
                buttons.add(Button.action(text("common.yes"), Payloads.value(d.id(), in.id(), "yes")));
                buttons.add(Button.action(text("common.no"), Payloads.value(d.id(), in.id(), "no")));
            } else if (in.expect() == Step.Expect.ONEOF) {
                for (String o : in.options()) buttons.add(Button.action(o, Payloads.value(d.id(), in.id(), o)));
            }
            return buttons;
        }

        void reAsk(Step.Input in) {
            String key = in.invalid();
            Map<String, Object> args = new LinkedHashMap<>();
            if (key == null) {
                key = switch (in.expect()) {
                    case NUMBER -> in.min() != null && in.max() != null ? "system.invalid_number_range" : "system.invalid_number";
                    case YESNO -> "system.invalid_yesno";
                    default -> "system.invalid_choice";
                };
            }
            if (in.min() != null) args.put("min", in.min().intValue());
            if (in.max() != null) args.put("max", in.max().intValue());
            say(key, args, List.of());
            runStep(currentDialog(), in);
        }

        /** Reads typed answers in the newcomer's current language. */
        Answers answers() {
            return new Answers(k.texts(), language, fallbackLanguage, vars);
        }

        List<Button> navigation() {
            return List.of(Button.action(text("system.menu_button"), Payloads.command("menu")),
                    Button.action(text("system.human_button"), Payloads.command("human")));
        }

        String text(String key) {
            return k.texts().format(language, key, vars);
        }

        void say(String key, List<Button> buttons) {
            say(key, Map.of(), buttons);
        }

        void say(String key, Map<String, Object> args, List<Button> buttons) {
            Map<String, Object> all = new LinkedHashMap<>(vars);
            all.putAll(args);
            reply(k.texts().format(language, key, all), buttons, k.texts().status(language, key));
        }

        void reply(String text, List<Button> buttons, String status) {
            out.add(new Reply(text, List.copyOf(buttons), language, content.catalogue().isRightToLeft(language), status));
        }
    }

    private static Integer parseIndex(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

}
