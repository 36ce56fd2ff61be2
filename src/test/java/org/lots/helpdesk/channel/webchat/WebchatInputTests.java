package org.lots.helpdesk.channel.webchat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.engine.Input;

class WebchatInputTests {

    @Test
    void theCommandsOfEveryChannelBecomeCommandsWithTheirArgument() {
        assertEquals(new Input.Command("start", null), WebchatInput.of("/start", null));
        assertEquals(new Input.Command("start", "jobs.find"), WebchatInput.of(" /start jobs.find ", null));
        assertEquals(new Input.Command("privacy", null), WebchatInput.of("/Privacy", null));
        assertEquals(new Input.Command("human", null), WebchatInput.of("/human", null));
    }

    @Test
    void anythingElseIsWhatTheNewcomerWrote() {
        assertEquals(new Input.Text("/unknown"), WebchatInput.of("/unknown", null));
        assertEquals(new Input.Text("/start my long question about jobs"), WebchatInput.of("/start my long question about jobs", null));
        assertEquals(new Input.Text("بدي شغل"), WebchatInput.of("بدي شغل", null));
        assertEquals(new Input.Payload("c:welcome:menu:0"), WebchatInput.of(null, "c:welcome:menu:0"));
    }
}
