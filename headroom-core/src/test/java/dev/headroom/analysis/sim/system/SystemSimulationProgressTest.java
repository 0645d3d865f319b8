package dev.headroom.analysis.sim.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.analysis.Progress;
import dev.headroom.analysis.sim.RunPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SystemSimulation#run} reports one unit per replication, on one thread or several. */
class SystemSimulationProgressTest {

  /** Records what it is told; thread-safe where {@link Progress} asks it to be. */
  static final class Recording implements Progress {
    final List<String> calls = new ArrayList<>();
    final AtomicLong advanced = new AtomicLong();

    @Override
    public synchronized void start(String task, long total) {
      calls.add("start " + task + " " + total);
    }

    @Override
    public void advance(long units) {
      advanced.addAndGet(units);
    }

    @Override
    public synchronized void finish() {
      calls.add("finish " + advanced.get());
    }
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2})
  void run_advancesOncePerReplication_betweenStartAndFinish(int threads) {
    SystemModel m = SystemPropertiesTest.randomSystem(5, 2, 0.5);
    Recording progress = new Recording();
    SystemSimulationResult withBar =
        SystemSimulation.run(m, new RunPlan(5, 30, 3, 11L), threads, progress);
    assertThat(progress.calls).containsExactly("start replications 3", "finish 3");
    // reporting progress changes nothing in the result
    SystemSimulationResult without = SystemSimulation.run(m, new RunPlan(5, 30, 3, 11L), threads);
    assertThat(withBar.classes()).isEqualTo(without.classes());
  }
}
