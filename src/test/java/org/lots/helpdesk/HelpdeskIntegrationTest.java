package org.lots.helpdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, with the real embedded MongoDB-compatible store in a fresh temporary
 * folder per test context, the shipped content, {@code admin} / {@link Api#ADMIN_PASSWORD}, and what
 * {@link TestChannel} adds. Test classes that add nothing else share one context (Spring's context cache); write
 * tests so that data other classes leave in that store (chats, users, waiting handoffs) cannot change the result.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {HelpdeskApplication.class, TestChannel.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"helpdesk.bootstrap.admin-password=" + Api.ADMIN_PASSWORD, "helpdesk.content-dir=."})
@ContextConfiguration(initializers = TemporaryDataDir.class)
public @interface HelpdeskIntegrationTest {}
