package dev.headroom.analysis.sim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.advice.Advisor;
import dev.headroom.analysis.capacity.CapacityModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The queue of examples/measured-capacity (30 jobs/s at 800 requests/s, two PDF workers of 8 each,
 * 400 ms a job) is simulated as async workers whose utilisation follows the utilisation law: U =
 * 30/s × 0.4 s / 16 = 0.75 at today's load.
 */
class ModelSimulationQueueTest {

  @Test
  void jobRateAndWorkers_becomeAsyncWorkers_atTheUtilisationLaw() {
    CapacityModel m =
        Advisor.advise(Path.of("..", "examples", "measured-capacity", "system.yaml")).model();
    ModelSimulation sim = ModelSimulation.of(m, CapacityModel.today());
    assertThat(sim.system().asyncShare()).isCloseTo(30.0 / 800, within(1e-12));
    AsyncQueue q = sim.system().queue().orElseThrow();
    assertThat(q.workers()).isEqualTo(16);
    assertThat(q.service().mean()).isCloseTo(0.4, within(1e-12));
    SystemSimulationResult r = ModelSimulation.check(m, CapacityModel.today(), 3L);
    ComponentStatistics workers = r.component("queue-workers");
    assertThat(workers.utilization().mean())
        .isCloseTo(0.75, within(Math.max(0.02, 3 * workers.utilization().halfWidth())));
  }
}
