package org.lots.helpdesk.channel.telegram;

import java.time.Clock;
import java.time.Duration;

import org.lots.helpdesk.TestChannel;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that ticks like the real one but starts on a Wednesday at 10:00 in Stockholm, within the shipped office
 * hours: the helpline is open, so a newcomer who asks for a person learns their real place in the queue. It ticks
 * (unlike {@link org.lots.helpdesk.TestClock}) because the Telegram outbox schedules its retries by it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class WithinOfficeHours {

    @Bean
    @Primary
    Clock officeHoursClock() {
        Clock real = Clock.systemUTC();
        return Clock.offset(real, Duration.between(real.instant(), TestChannel.START));
    }
}
