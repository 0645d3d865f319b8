package dev.headroom.analysis.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The event list pops in the same time order as the JDK's priority queue, in both layouts. */
class EventListTest {

  @Test
  void popsInNonDecreasingTimeOrder_underRandomInterleaving() {
    SplittableRandom rnd = new SplittableRandom(5);
    EventList list = new EventList(1);
    PriorityQueue<double[]> reference = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    double now = 0;
    for (int step = 0; step < 200_000; step++) {
      if (list.isEmpty() || rnd.nextInt(3) > 0) {
        double t = now + (rnd.nextInt(10) == 0 ? 1.0 : rnd.nextDouble()); // ties too
        list.schedule(t, step);
        reference.add(new double[] {t, step});
      } else {
        double t = list.peekTime();
        list.removeFirst();
        assertThat(t).isGreaterThanOrEqualTo(now).isEqualTo(reference.poll()[0]);
        now = t;
      }
      assertThat(list.size()).isEqualTo(reference.size());
    }
  }

  @Test
  void lazilyConsumedRoot_isReplacedByTheNextScheduleOrRemovedWhenPeeking() {
    SplittableRandom rnd = new SplittableRandom(6);
    EventList list = new EventList(1);
    PriorityQueue<double[]> reference = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    double now = 0;
    for (int step = 0; step < 200_000; step++) {
      int scheduled = list.isEmpty() ? 1 + rnd.nextInt(2) : rnd.nextInt(3);
      for (int k = 0; k < scheduled; k++) {
        double t = now + (rnd.nextInt(10) == 0 ? 1.0 : rnd.nextDouble());
        list.schedule(t, step);
        reference.add(new double[] {t, step});
      }
      assertThat(list.isEmpty()).isEqualTo(reference.isEmpty());
      if (!list.isEmpty()) {
        double t = list.peekTime();
        list.consumeFirst();
        assertThat(t).isGreaterThanOrEqualTo(now).isEqualTo(reference.poll()[0]);
        now = t;
      }
      assertThat(list.size()).isEqualTo(reference.size());
    }
  }

  @Test
  void keepsEachCodeWithItsTime() {
    EventList list = new EventList(2);
    for (int i = 9; i >= 0; i--) {
      list.schedule(i * 0.5, 100 + i);
    }
    for (int i = 0; i < 10; i++) {
      assertThat(list.peekTime()).isEqualTo(i * 0.5);
      assertThat(list.peekCode()).isEqualTo(100 + i);
      list.removeFirst();
    }
    assertThat(list.isEmpty()).isTrue();
  }

  @Test
  void popsInTimeOrder_whileTheSizeCrossesBetweenFlatAndHeapLayouts() {
    SplittableRandom rnd = new SplittableRandom(7);
    EventList list = new EventList(1);
    PriorityQueue<double[]> reference = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    double now = 0;
    int conversions = 0;
    boolean wasLarge = false;
    boolean growing = true;
    for (int step = 0; step < 200_000; step++) {
      // mostly grow to twice the flat bound, then mostly shrink to half the size for flat again
      if (reference.size() > 2 * EventList.FLAT_MAX) {
        growing = false;
      } else if (reference.size() < EventList.FLAT_AGAIN / 2) {
        growing = true;
      }
      boolean grow = growing == rnd.nextInt(4) > 0;
      if (list.isEmpty() || grow) {
        double t = now + (rnd.nextInt(8) == 0 ? 0.5 : rnd.nextDouble()); // ties too
        list.schedule(t, step);
        reference.add(new double[] {t, step});
      } else {
        double t = list.peekTime();
        if (rnd.nextBoolean()) {
          list.consumeFirst();
        } else {
          list.removeFirst();
        }
        assertThat(t).isGreaterThanOrEqualTo(now).isEqualTo(reference.poll()[0]);
        now = t;
      }
      assertThat(list.size()).isEqualTo(reference.size());
      boolean large = reference.size() > EventList.FLAT_MAX;
      boolean small = reference.size() <= EventList.FLAT_AGAIN;
      if (large && !wasLarge || small && wasLarge) {
        conversions++;
        wasLarge = large;
      }
    }
    assertThat(conversions).as("layout changes exercised").isGreaterThan(100);
  }

  @Test
  void schedule_refusesANegativeOrNaNTime() {
    EventList list = new EventList(4);
    assertThatThrownBy(() -> list.schedule(-1e-9, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event time -1.0E-9 s; allowed: a time >= 0");
    assertThatThrownBy(() -> list.schedule(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event time NaN s");
    list.schedule(-0.0, 3);
    assertThat(list.peekTime()).isEqualTo(0.0);
  }
}
