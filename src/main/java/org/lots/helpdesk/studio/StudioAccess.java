package org.lots.helpdesk.studio;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.users.UserService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may change what in the studio (CONTRACT section 6): an EDITOR every language, a REVIEWER only the languages
 * of their account. Unknown languages are 404 before anyone's languages are looked at.
 */
@Component
class StudioAccess {

    private final UserService users;
    private final ContentService content;

    StudioAccess(UserService users, ContentService content) {
        this.users = users;
        this.content = content;
    }

    static boolean isEditor(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_EDITOR"));
    }

    /** @throws StudioErrors.NotFound for a language the content does not have; Forbidden when not the caller's */
    void language(Authentication auth, String language) {
        if (language == null || !content.current().content().languages().contains(language)) {
            throw new StudioErrors.NotFound("no such language '" + language + "'");
        }
        if (isEditor(auth)) return;
        boolean reviewer = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_REVIEWER"));
        boolean theirs = users.find(auth.getName()).map(u -> u.languages() != null && u.languages().contains(language)).orElse(false);
        if (!reviewer || !theirs) throw new StudioErrors.Forbidden("you review other languages than '" + language + "'");
    }

    /** The languages the caller may review: all for an editor, their account's for a reviewer. */
    java.util.List<String> languages(Authentication auth) {
        java.util.List<String> all = java.util.List.copyOf(content.current().content().languages());
        if (isEditor(auth)) return all;
        java.util.List<String> mine = users.find(auth.getName()).map(u -> u.languages()).orElse(java.util.List.of());
        return all.stream().filter(mine::contains).toList();
    }

    void editor(Authentication auth) {
        if (!isEditor(auth)) throw new StudioErrors.Forbidden("only editors may do this");
    }
}
