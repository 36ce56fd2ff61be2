package org.lots.helpdesk.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.Newcomers;
import org.lots.helpdesk.StoreScan;
import org.lots.helpdesk.TestChannel;
import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.ConversationService.Address;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Output;
import org.lots.helpdesk.engine.Privacy;
import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The newcomer's side of privacy through the real conversation service and store: the short notice once at first
 * contact, /mydata with their own counts only, deletion of a preview conversation leaving nothing, and the bot
 * coming back when the handoff a conversation waits for is gone.
 */
@HelpdeskIntegrationTest
@Import(TestChannel.class)
class PrivacyIntegrationTests {

    @LocalServerPort int port;
    @Autowired ConversationService conversations;
    @Autowired ContentService content;
    @Autowired HandoffRepository handoffs;
    @Autowired NewcomerData newcomers;
    @Autowired MongoTemplate mongo;

    ConversationService.Result say(String address, Input input, String language) {
        return conversations.receive(new Address(TestChannel.NAME, address), input, language);
    }

    static String texts(ConversationService.Result r) {
        return String.join("\n", r.turn().replies().stream().map(Output.Reply::text).toList());
    }

    @Test
    void theFirstTurnStartsWithTheShortNoticeInTheNewcomersLanguageAndOnlyOnce() {
        ConversationService.Result first = say("notice-ar", new Input.Command("start", "ar"), "ar");
        List<Output.Reply> replies = first.turn().replies();
        Output.Reply notice = replies.get(0); // first, so that the last reply keeps the menu's buttons
        assertFalse(replies.get(replies.size() - 1).buttons().isEmpty(), "the turn still ends with the menu");
        assertTrue(notice.text().startsWith("عن بياناتك"), notice.text());
        assertTrue(notice.text().contains("٩٠"), "90 days, written the Arabic way: " + notice.text());
        assertTrue(notice.rightToLeft());
        assertTrue(notice.text().contains("/privacy"));
        assertFalse(texts(say("notice-ar", new Input.Text("بدي شغل"), "ar")).contains("عن بياناتك"), "once only");
        assertFalse(texts(say("notice-ar", new Input.Command("start", null), "ar")).contains("عن بياناتك"), "not again after /start");
    }

    @Test
    void myDataCountsWhatIsStoredAboutThisNewcomerOnly() {
        say("mine", new Input.Command("start", "en"), "en");
        say("mine", new Input.Text("how do i find a job"), "en");
        say("someone-else", new Input.Command("start", "en"), "en");
        for (int i = 0; i < 5; i++) say("someone-else", new Input.Text("hello there " + i), "en");
        ConversationService.Result r = say("mine", new Input.Command("mydata", null), "en");
        long stored = conversations.transcript(r.conversation().getId()).size() - 1 - r.turn().replies().size(); // before /mydata
        String said = texts(r);
        assertTrue(said.contains("Messages in this conversation: " + stored + " "), stored + " in: " + said);
        assertTrue(said.contains("Language: English"), said);
        assertTrue(said.contains("Requests for an adviser: 0 (open now: 0)"), said);
    }

    @Test
    void myDataShowsAnOpenRequestForAnAdviser() {
        Newcomers.askForPerson(conversations, new Address(TestChannel.NAME, "waiting"), "sv", "om mitt cv");
        String said = texts(say("waiting", new Input.Command("mydata", null), "sv"));
        assertTrue(said.contains("Önskemål om en rådgivare: 1 (öppna nu: 1)"), said);
    }

    @Test
    void aConversationWaitingForAHandoffThatIsGoneGetsTheBotBack() {
        ConversationService.Result waiting = Newcomers.askForPerson(conversations, new Address(TestChannel.NAME, "orphan"), "en", "help with my cv");
        assertTrue(waiting.turn().trace().escalated());
        Handoff h = handoffs.findFirstByConversationIdAndStatusIn(waiting.conversation().getId(), List.of(Handoff.Status.WAITING)).orElseThrow();
        handoffs.deleteById(h.getId()); // e.g. lost, or deleted behind the conversation's back

        ConversationService.Result next = say("orphan", new Input.Text("how do I find a job"), "en");
        assertFalse(next.turn().trace().escalated(), "the bot is back");
        assertEquals("jobs.find", next.turn().trace().dialog());
        assertFalse(next.turn().replies().isEmpty());
    }

    @Test
    void deletingAPreviewConversationLeavesNothingOfItInAnyCollection() {
        Api api = new Api(port);
        String id = api.post("/api/preview/conversations", Map.of("language", "de")).json().get("id").asText();
        JsonNode r = api.post("/api/preview/conversations/" + id + "/messages", Map.of("text", "xylophonische Kaulquappen")).json();
        assertFalse(r.get("replies").isEmpty());
        assertFalse(StoreScan.find(mongo, "Kaulquappen", id).isEmpty());
        assertTrue(newcomers.forget(id));
        StoreScan.assertNowhere(mongo, "Kaulquappen");
        StoreScan.assertNowhereBut(mongo, java.util.Set.of("audit"), id); // the audit log keeps that a conversation was deleted
        assertFalse(newcomers.forget(id), "a second delete finds nothing");
    }

    @Test
    void whatADeletionTookAwayIsStillCountedWithoutAnyContent() {
        ConversationService.Result r = Newcomers.askForPerson(conversations, new Address(TestChannel.NAME, "counted"), "tr",
                "özgeçmişim hakkında yardım lazım");
        String conversationId = r.conversation().getId();
        Handoff h = handoffs.findFirstByConversationIdAndStatusIn(conversationId, List.of(Handoff.Status.WAITING)).orElseThrow();
        assertEquals(200, new Api(port).post("/api/handoffs/" + h.getId() + "/close", Map.of("outcome", "referred")).status());
        assertTrue(newcomers.forget(conversationId));

        List<org.bson.Document> totals = mongo.getCollection(DeletedTotals.COLLECTION).find(new org.bson.Document("channel", TestChannel.NAME)
                .append("language", "tr")).into(new java.util.ArrayList<>());
        assertEquals(1, totals.size(), totals.toString());
        org.bson.Document t = totals.get(0);
        assertEquals(1, t.getInteger("conversations"));
        assertEquals(1, t.getInteger("handoffs"));
        assertEquals(1, t.get("outcomes", org.bson.Document.class).getInteger("referred"));
        assertFalse(t.toJson().contains(conversationId) || t.toJson().contains("counted") || t.toJson().contains("özgeçmiş"), t.toJson());
    }

    @Test
    void privacyTextsExistInEveryLanguage() {
        var k = content.current();
        for (String language : k.content().languages()) {
            for (String key : Privacy.KEYS) {
                assertFalse("fallback".equals(k.texts().status(language, key)), key + " in " + language);
            }
        }
    }
}
