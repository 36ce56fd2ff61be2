package org.lots.helpdesk.users;

/** An admin changed a user's roles, languages or password, or disabled them: their open sessions and streams end. */
public record UserChanged(String username) {}
