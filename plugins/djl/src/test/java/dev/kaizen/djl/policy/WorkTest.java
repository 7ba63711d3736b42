package dev.kaizen.djl.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkTest {

    @Test
    void runsEveryIndexExactlyOnce() {
        for (int size : new int[] {0, 1, 2, 7, 64, 1000}) {
            AtomicIntegerArray calls = new AtomicIntegerArray(Math.max(1, size));
            Work.forEach(size, i -> calls.incrementAndGet(i));
            for (int i = 0; i < size; i++) {
                assertThat(calls.get(i)).as("index %d of %d", i, size).isEqualTo(1);
            }
        }
    }

    @Test
    void nestedWorkCompletes() {
        AtomicIntegerArray calls = new AtomicIntegerArray(16 * 16);
        Work.forEach(16, i -> Work.forEach(16, j -> calls.incrementAndGet(i * 16 + j)));
        for (int k = 0; k < 16 * 16; k++) {
            assertThat(calls.get(k)).isEqualTo(1);
        }
    }

    @Test
    void aFailureReachesTheCallerAfterEveryStartedCallReturned() {
        Set<Integer> running = ConcurrentHashMap.newKeySet();
        assertThatThrownBy(() -> Work.forEach(200, i -> {
            running.add(i);
            try {
                if (i == 3) {
                    throw new IllegalStateException("context 3 is bad");
                }
            } finally {
                running.remove(i);
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("context 3 is bad");
        assertThat(running).as("no call still running when forEach returns").isEmpty();
    }
}
