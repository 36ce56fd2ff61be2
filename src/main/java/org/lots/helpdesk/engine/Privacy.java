package org.lots.helpdesk.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.engine.Output.Reply;
import org.lots.helpdesk.i18n.Texts;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MeasureFormat;
import com.ibm.icu.util.Measure;
import com.ibm.icu.util.MeasureUnit;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * What the bot says about the newcomer's data: the short notice at first contact, the full notice ({@code /privacy}),
 * the summary of what is stored ({@code /mydata}), and the question before an adviser reads the conversation. The
 * retention periods come from the settings and are written out in the newcomer's language by ICU.
 */
public final class Privacy {

    /** The conversation variable that holds the newcomer's yes to an adviser reading the conversation. */
    public static final String CONSENT = "adviser_consent";
    public static final String FIRST_CONTACT = "privacy.first_contact";
    static final String DAYS = "privacy.days";
    public static final List<String> KEYS = List.of(FIRST_CONTACT, DAYS, "privacy.notice", "privacy.mydata", "privacy.mydata_none",
            "privacy.consent_q", "privacy.consent_yes", "privacy.consent_no", "privacy.consent_declined");

    private final Retention retention;
    private final boolean firstContactNotice;

    Privacy(Retention retention, boolean firstContactNotice) {
        this.retention = retention == null ? Retention.DEFAULT : retention;
        this.firstContactNotice = firstContactNotice;
    }

    /**
     * Whether a handoff must first ask the newcomer if an adviser may read the conversation: only from the bot (a
     * newcomer already waiting or with an adviser said yes before), only once per conversation, and never when
     * {@code skipConsent} (an urgent safety handoff: an adviser must come at once, GDPR Art. 6(1)(d)).
     */
    static boolean asksConsent(ConversationState.Mode mode, Map<String, String> variables, boolean skipConsent) {
        return !skipConsent && mode == ConversationState.Mode.BOT && !"yes".equals(variables.get(CONSENT));
    }

    /** The retention periods as words in the language: {conversations}, {handoffs}, {unanswered}. */
    Map<String, Object> retentionArgs(Texts texts, String language) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("conversations", duration(texts, language, retention.conversations()));
        args.put("handoffs", duration(texts, language, retention.handoffs()));
        args.put("unanswered", duration(texts, language, retention.unanswered()));
        return args;
    }

    /**
     * "90 days", "90 дней", "٩٠ يومًا". Whole days come from the content ({@code privacy.days}, an ICU plural, since
     * ICU's own unit names are missing for some languages, Tigrinya among them); other lengths from ICU's units.
     */
    static String duration(Texts texts, String language, Duration d) {
        long s = d.getSeconds();
        if (s >= 86_400 && s % 86_400 == 0 && !texts.raw(language, DAYS).isEmpty()) return texts.format(language, DAYS, Map.of("n", s / 86_400));
        return duration(d, Texts.locale(language));
    }

    /** The largest ICU unit that divides the duration, in the language. */
    static String duration(Duration d, ULocale locale) {
        long s = d.getSeconds();
        Measure m = s >= 86_400 && s % 86_400 == 0 ? new Measure(s / 86_400, MeasureUnit.DAY)
                : s >= 3_600 && s % 3_600 == 0 ? new Measure(s / 3_600, MeasureUnit.HOUR)
                : s >= 60 && s % 60 == 0 ? new Measure(s / 60, MeasureUnit.MINUTE)
                : new Measure(s, MeasureUnit.SECOND);
        return MeasureFormat.getInstance(locale, MeasureFormat.FormatWidth.WIDE).format(m);
    }

    /** {messages}, {first}, {last}, {handoffs}, {open}, {files}, {language} for the /mydata text. */
    Map<String, Object> summaryArgs(StoredData.Summary s, String language, String languageName) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("messages", s.messages());
        args.put("first", date(s.first(), language));
        args.put("last", date(s.last(), language));
        args.put("handoffs", s.handoffs());
        args.put("open", s.openHandoffs());
        args.put("files", s.files());
        args.put("language", languageName);
        return args;
    }

    private static String date(Instant t, String language) {
        if (t == null) return "–";
        DateFormat f = DateFormat.getInstanceForSkeleton("yMMMd", Texts.locale(language));
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f.format(Date.from(t));
    }

    /**
     * The first turn of a conversation starts with the short notice: what is stored, for how long, who sees it, and
     * that {@code /privacy} tells more. First, so that the turn's last reply keeps its buttons (the menu) where a
     * channel shows only the newest ones. Never before an emergency answer: a newcomer in danger reads 112 first, and
     * the notice waits for a later turn. The conversation layer knows which turn is the first; the same turn back
     * means no notice was given.
     */
    public Turn withFirstContactNotice(Knowledge k, Turn turn) {
        if (!firstContactNotice || turn.outputs().stream().anyMatch(Output.SafetyAlert.class::isInstance)) return turn;
        String language = turn.state().language();
        List<Output> outputs = new ArrayList<>(turn.outputs());
        outputs.add(0, new Reply(k.texts().format(language, FIRST_CONTACT, retentionArgs(k.texts(), language)), List.of(), language,
                k.content().catalogue().isRightToLeft(language), k.texts().status(language, FIRST_CONTACT)));
        return new Turn(turn.state(), List.copyOf(outputs), turn.trace());
    }
}
