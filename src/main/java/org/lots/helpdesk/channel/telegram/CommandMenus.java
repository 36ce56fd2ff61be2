package org.lots.helpdesk.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.engine.Knowledge;
import org.lots.helpdesk.i18n.Texts;
import org.lots.helpdesk.system.HelpdeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The command menu Telegram shows beside the text field, in the newcomer's own app language: one setMyCommands per
 * language of the content (Telegram picks it by the user's language_code) and a default list in the fallback
 * language for everyone else. Descriptions come from translations ({@code telegram.command.*}); when the content is
 * reloaded the menus are sent again.
 */
@Component
@ConditionalOnTelegram
class CommandMenus {

    private static final Logger log = LoggerFactory.getLogger(CommandMenus.class);
    /** Telegram's limit for a command description. */
    static final int MAX_DESCRIPTION = 256;

    private final BotApi api;
    private final ContentService content;
    private final String fallback;
    private volatile Knowledge registered;

    CommandMenus(BotApi api, ContentService content, HelpdeskProperties helpdesk) {
        this.api = api;
        this.content = content;
        this.fallback = helpdesk.fallbackLanguage();
    }

    /** Sends the menus unless this content's menus were already sent; false when Telegram refused or was away. */
    boolean registerIfChanged() {
        Knowledge k = content.current();
        if (k == registered) return true;
        try {
            for (SetMyCommands request : requests(k.texts(), k.content().languages())) api.client().execute(request);
            registered = k;
            log.info("Telegram command menus set for {} languages", k.content().languages().size());
            return true;
        } catch (TelegramApiException | RuntimeException e) {
            if (e.getCause() instanceof InterruptedException) { // the app is stopping
                Thread.currentThread().interrupt();
                return false;
            }
            log.warn("Telegram command menus not set yet ({}); will try again", TelegramErrors.classify(e).description());
            return false;
        }
    }

    List<SetMyCommands> requests(Texts texts, java.util.Set<String> languages) {
        List<SetMyCommands> requests = new ArrayList<>();
        for (String language : new TreeSet<>(languages)) {
            requests.add(SetMyCommands.builder().commands(commands(texts, language)).scope(new BotCommandScopeDefault())
                    .languageCode(language).build());
        }
        requests.add(SetMyCommands.builder().commands(commands(texts, fallback)).scope(new BotCommandScopeDefault()).build());
        return requests;
    }

    static List<BotCommand> commands(Texts texts, String language) {
        List<BotCommand> commands = new ArrayList<>();
        for (String name : UpdateMapper.COMMANDS) {
            String description = texts.format(language, "telegram.command." + name).strip();
            if (description.length() > MAX_DESCRIPTION) description = description.substring(0, MAX_DESCRIPTION - 1) + "…";
            commands.add(new BotCommand(name, description));
        }
        return commands;
    }
}
