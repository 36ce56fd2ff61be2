package org.lots.helpdesk.channel.telegram;

/** How updates reach the app: long polling or a webhook. Both hand every update to {@link UpdateHandler}. */
interface UpdateReceiver {

    void start();

    void stop();

    /** False when receiving stopped by itself while it should run. */
    default boolean alive() {
        return true;
    }
}
