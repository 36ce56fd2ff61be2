package org.lots.helpdesk.channel.webchat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.TestChannel;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole help desk for web chat tests, one application context for the API and the browser tests: the test
 * clock (within office hours), the origins the tests embed the widget from, and limits the tests can reach.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@HelpdeskIntegrationTest
@Import(TestChannel.class)
@TestPropertySource(properties = {
        "helpdesk.webchat.allowed-origins=https://www.din-kommun.example, https://*.ngo.example, http://localhost:[*]",
        "helpdesk.webchat.per-conversation=12", "helpdesk.webchat.per-client=1000"})
@interface WebchatIntegrationTest {}
