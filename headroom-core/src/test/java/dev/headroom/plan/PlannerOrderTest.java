package dev.headroom.plan;

import static dev.headroom.ingest.system.SystemYaml.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.advice.Advisor;
import dev.headroom.analysis.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's order where the kind of an action and its ladder step disagree. */
class PlannerOrderTest {

  @Test
  void plan_putsStatelessSessionsBeforeTheLoadBalancerOfTheSameLadder() {
    // local sessions (HR-APP-004) and one instance past the startup stage with no load balancer
    // (HR-APP-005): both warnings; stateless-sessions is the first step of "horizontal readiness",
    // add-load-balancer its "then", though architectural moves otherwise sort after scaling ones
    List<Recommendation> recs =
        Advisor.advise(
                system()
                    .component("name: web, kind: app, instances: 1, sessions: local")
                    .workload("peak_rps: 300 rps")
                    .spec())
            .plan()
            .recommendations();
    List<String> ids = recs.stream().map(r -> r.action().id()).toList();
    assertThat(ids).contains("stateless-sessions", "add-load-balancer");
    assertThat(ids.indexOf("stateless-sessions")).isLessThan(ids.indexOf("add-load-balancer"));
    assertThat(recs)
        .extracting(Recommendation::severity)
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(recs.get(ids.indexOf("stateless-sessions")).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void plan_promotesAFirstStepToTheSeverityOfItsLaterSteps() {
    // write-heavy primary (critical, partition-tables is a "then") with slow queries (warning,
    // add-indexes is the "first" of the slow-database ladder, shard-database its "finally")
    List<Recommendation> recs =
        Advisor.advise(
                system()
                    .component("name: db, kind: database, partitioned: true")
                    .workload("read_ratio: 20%")
                    .observe("db.cpu: 95%")
                    .observe("db.slowest_query: 300ms")
                    .spec())
            .plan()
            .recommendations();
    Recommendation indexes =
        recs.stream().filter(r -> r.action().id().equals("add-indexes")).findFirst().orElseThrow();
    Recommendation shard =
        recs.stream()
            .filter(r -> r.action().id().equals("shard-database"))
            .findFirst()
            .orElseThrow();
    assertThat(indexes.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(indexes.order()).isLessThan(shard.order());
  }
}
