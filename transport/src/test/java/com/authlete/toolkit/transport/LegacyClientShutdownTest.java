package com.authlete.toolkit.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LegacyClientShutdownTest {

    /**
     * The JDK 17 selector thread can deadlock while holding its own monitor; waiting for it must not need that
     * monitor ({@code Thread.join(100)} never returned here and hung a CI run).
     */
    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void waitingForAThreadThatHoldsItsOwnMonitorForeverEndsOnTime() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        Thread stuck = new Thread() {
            @Override
            public void run() {
                synchronized (this) {
                    holding.countDown();
                    while (true) {
                        try {
                            Thread.sleep(60_000); // sleep keeps the monitor, as a thread blocked on another lock does
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }
        };
        stuck.setDaemon(true);
        stuck.start();
        holding.await();

        long start = System.nanoTime();
        LegacyClientShutdown.awaitExit(stuck, 100);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(waited).isBetween(Duration.ofMillis(100), Duration.ofSeconds(5));
        assertThat(stuck.isAlive()).isTrue();
        stuck.interrupt();
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aThreadThatEndsIsNotWaitedForLonger() throws Exception {
        Thread quick = new Thread(() -> {});
        quick.start();
        long start = System.nanoTime();
        LegacyClientShutdown.awaitExit(quick, 5_000);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(quick.isAlive()).isFalse();
    }
}
