package org.lots.helpdesk.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lots.helpdesk.channel.telegram.OutboundMessage.KeyButton;
import org.lots.helpdesk.channel.telegram.UpdateMapper.Inbound;
import org.lots.helpdesk.channel.telegram.UpdateMapper.Membership;
import org.lots.helpdesk.channel.telegram.UpdateMapper.Pressed;
import org.lots.helpdesk.channel.telegram.UpdateMapper.Said;
import org.lots.helpdesk.engine.Input;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.databind.ObjectMapper;

class UpdateMapperTests {

    static final ObjectMapper JSON = new ObjectMapper();
    final UpdateMapper mapper = new UpdateMapper(token -> Optional.ofNullable(Map.of("abc", "v:handoff:ask_topic:long").get(token)));

    static Update update(String json) {
        try {
            return JSON.readValue(json.replace('\'', '"'), Update.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String message(String chatType, String content) {
        return "{'update_id':1,'message':{'message_id':5,'date':1700000000,'from':{'id':77,'is_bot':false,'first_name':'A','language_code':'fa'},"
                + "'chat':{'id':77,'type':'" + chatType + "'}," + content + "}}";
    }

    Inbound map(String content) {
        return mapper.map(update(message("private", content)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/start|start|",
            "/start ar|start|ar",
            "/start jobs_find|start|jobs.find",
            "/START@lots_bot|start|",
            "/menu|menu|",
            "/language|language|",
            "/human|human|",
            "/help|help|",
            "/forget|forget|",
            "/stop|stop|"})
    void commandsBecomeCommandInputs(String text, String name, String argument) {
        Said s = (Said) map("'text':'" + text + "'");
        assertEquals(new Input.Command(name, argument), s.input());
        assertEquals("fa", s.languageHint());
        assertEquals(77, s.chatId());
    }

    @Test
    void otherTextIsText() {
        assertEquals(new Input.Text("/unknown thing"), ((Said) map("'text':'/unknown thing'")).input());
        assertEquals(new Input.Text("سلام"), ((Said) map("'text':'سلام'")).input());
    }

    @Test
    void otherKindsOfMessagesBecomeMediaWithTheirFileId() {
        assertEquals(new Input.Media("voice", "v1"), ((Said) map("'voice':{'file_id':'v1','file_unique_id':'u','duration':1}")).input());
        assertEquals(new Input.Media("photo", "big"), ((Said) map("'photo':[{'file_id':'small','file_unique_id':'a','width':10,'height':10},"
                + "{'file_id':'big','file_unique_id':'b','width':100,'height':100}]")).input());
        assertEquals(new Input.Media("document", "d1"), ((Said) map("'document':{'file_id':'d1','file_unique_id':'u'}")).input());
        assertEquals(new Input.Media("location", null), ((Said) map("'location':{'latitude':1.0,'longitude':2.0}")).input());
        assertEquals(new Input.Media("contact", null), ((Said) map("'contact':{'phone_number':'1','first_name':'B'}")).input());
        assertEquals("edited", ((Input.Media) ((Said) mapper.map(update(message("private", "'text':'x'").replace("'message'", "'edited_message'")
                .replace('\'', '"')))).input()).kind());
    }

    @Test
    void groupsAreNotServed() {
        assertInstanceOf(UpdateMapper.Ignored.class, mapper.map(update(message("group", "'text':'/start'"))));
    }

    static String press(String data) {
        return "{'update_id':2,'callback_query':{'id':'q1','from':{'id':77,'is_bot':false,'first_name':'A','language_code':'ar'},"
                + "'chat_instance':'c','data':'" + data + "','message':{'message_id':9,'date':1700000000,'chat':{'id':77,'type':'private'},"
                + "'text':'Pick','reply_markup':{'inline_keyboard':[[{'text':'Work','callback_data':'c:welcome:menu:0'},"
                + "{'text':'Study','callback_data':'c:welcome:menu:2'}],[{'text':'Site','url':'https://example.org/'}]]}}}}";
    }

    @Test
    void aPressedButtonBecomesItsPayloadAndTheKeyboardShowsTheChoice() {
        Pressed p = (Pressed) mapper.map(update(press("c:welcome:menu:2")));
        assertEquals(new Input.Payload("c:welcome:menu:2"), p.input());
        assertEquals("q1", p.callbackId());
        assertEquals(9, p.messageId());
        assertEquals("ar", p.languageHint());
        assertEquals(List.of(List.of(new KeyButton("✓ Study", CallbackTokens.DONE, null)),
                List.of(new KeyButton("Site", null, "https://example.org/"))), p.buttonsAfter());
    }

    @Test
    void tokensAreResolvedAndExpiredOnesReadAsStale() {
        assertEquals(new Input.Payload("v:handoff:ask_topic:long"), ((Pressed) mapper.map(update(press("~tabc")))).input());
        assertEquals(new Input.Payload("expired"), ((Pressed) mapper.map(update(press("~tgone")))).input());
    }

    @Test
    void theChosenButtonPressedAgainDoesNothing() {
        Pressed p = (Pressed) mapper.map(update(press(CallbackTokens.DONE)));
        assertNull(p.input());
        assertNull(p.buttonsAfter());
    }

    @Test
    void blockingAndUnblockingTheBotAreNoticed() {
        String json = "{'update_id':3,'my_chat_member':{'chat':{'id':77,'type':'private'},'from':{'id':77,'is_bot':false,'first_name':'A'},"
                + "'date':1700000000,'old_chat_member':{'status':'member','user':{'id':1,'is_bot':true,'first_name':'L'}},"
                + "'new_chat_member':{'status':'STATUS','user':{'id':1,'is_bot':true,'first_name':'L'}}}}";
        assertEquals(new Membership(77, true), mapper.map(update(json.replace("STATUS", "kicked"))));
        assertEquals(new Membership(77, false), mapper.map(update(json.replace("STATUS", "member"))));
    }
}
