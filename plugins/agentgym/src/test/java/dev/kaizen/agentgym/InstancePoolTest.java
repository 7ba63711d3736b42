package dev.kaizen.agentgym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class InstancePoolTest {

    private final AtomicInteger next = new AtomicInteger();
    private final List<JsonNode> closed = new CopyOnWriteArrayList<>();

    private InstancePool pool(int capacity, boolean closes, Duration wait) {
        return new InstancePool(capacity, () -> IntNode.valueOf(next.getAndIncrement()),
                closes ? instance -> closed.add(instance) : null, wait);
    }

    @Test
    void instancesAreReusedAndClosedAtTheEnd() {
        InstancePool pool = pool(2, true, Duration.ofSeconds(1));
        JsonNode a = pool.acquire();
        JsonNode b = pool.acquire();
        pool.release(a, true);
        assertThat(pool.acquire()).as("the idle one, not a third").isEqualTo(a);
        pool.release(a, true);
        pool.release(b, true);
        pool.close();
        assertThat(closed).containsExactlyInAnyOrder(a, b);
        assertThat(pool.counts()).containsEntry("created", 2L).containsEntry("reused", 1L).containsEntry("closed", 2L)
                .containsEntry("dropped", 0L).containsEntry("open", 0L);
    }

    @Test
    void anInstanceOfAFailedEpisodeIsDroppedAndClosed() {
        InstancePool pool = pool(1, true, Duration.ofSeconds(1));
        JsonNode a = pool.acquire();
        pool.release(a, false);
        JsonNode b = pool.acquire();
        assertThat(b).as("a new one").isNotEqualTo(a);
        assertThat(closed).containsExactly(a);
        pool.release(b, true);
        pool.close();
        assertThat(pool.counts()).containsEntry("created", 2L).containsEntry("dropped", 1L).containsEntry("closed", 2L);
    }

    @Test
    void onAServerThatCannotCloseInstancesTheyStayOpen() {
        InstancePool pool = pool(3, false, Duration.ofSeconds(1));
        JsonNode a = pool.acquire();
        pool.release(a, true);
        pool.acquire();
        pool.close();
        assertThat(pool.counts()).containsEntry("created", 1L).containsEntry("reused", 1L).containsEntry("closed", 0L)
                .containsEntry("open", 1L);
        assertThat(pool.held()).containsExactly(a);
    }

    @Test
    @Timeout(10)
    void atMostCapacityInstancesExistHoweverManyAskAtOnce() throws Exception {
        InstancePool pool = pool(3, true, Duration.ofSeconds(5));
        ExecutorService callers = Executors.newFixedThreadPool(12);
        AtomicInteger inUse = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                work.add(callers.submit(() -> {
                    JsonNode instance = pool.acquire();
                    most.accumulateAndGet(inUse.incrementAndGet(), Math::max);
                    Thread.sleep(2);
                    inUse.decrementAndGet();
                    pool.release(instance, true);
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get(5, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(most.get()).isLessThanOrEqualTo(3);
        assertThat(pool.counts()).containsEntry("created", 3L).containsEntry("reused", 57L);
    }

    @Test
    void waitingTooLongForAFreeInstanceFailsWithWhatToDo() {
        InstancePool pool = pool(1, true, Duration.ofMillis(100));
        pool.acquire();
        assertThatThrownBy(pool::acquire).isInstanceOf(AgentGymException.class)
                .hasMessageContaining("all 1 server instances stayed busy")
                .hasMessageContaining("raise environment.instances");
    }

    @Test
    void aServerThatHandsOutAnInstanceInUseIsCaught() {
        InstancePool pool = new InstancePool(2, () -> IntNode.valueOf(7), null, Duration.ofSeconds(1));
        pool.acquire();
        assertThatThrownBy(pool::acquire).isInstanceOf(AgentGymException.class)
                .hasMessageContaining("the server gave instance 7 again while it is in use");
    }

    @Test
    void aFailedCreationFreesItsPlace() {
        AtomicInteger calls = new AtomicInteger();
        InstancePool pool = new InstancePool(1, () -> {
            if (calls.getAndIncrement() == 0) {
                throw new AgentGymException("no instance today");
            }
            return IntNode.valueOf(1);
        }, null, Duration.ofMillis(100));
        assertThatThrownBy(pool::acquire).hasMessage("no instance today");
        assertThat(pool.acquire()).isEqualTo(IntNode.valueOf(1));
    }

    @Test
    void instancesGivenBackAfterTheEndAreClosedThen() {
        InstancePool pool = pool(2, true, Duration.ofSeconds(1));
        JsonNode a = pool.acquire();
        pool.close();
        assertThat(closed).isEmpty();
        pool.release(a, true);
        assertThat(closed).containsExactly(a);
        assertThatThrownBy(pool::acquire).hasMessageContaining("the environment is closed");
    }
}
