package org.lots.helpdesk.channel.telegram;

/** How updates reach the app: long polling or a webhook. Both hand every update to {@link UpdateHandler}. */
interface UpdateReceiver {

    void start();

    void stop();
}
