package dev.headroom.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.advice.Advisor;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.Component;
import org.junit.jupiter.api.Test;

/**
 * A database that names its primary with replica_of is a replica even when its role is left out: it
 * is not a second primary, and it is not a single point of failure of its own (HR-ARCH-007).
 */
class SystemViewReplicaTest {

  private static final String SYSTEM =
      """
      name: shop
      workload: { peak_rps: 300 rps, read_ratio: 80%, queries_per_request: 4 }
      slo: { availability: 99.9% }
      components:
        - { name: web, kind: app, instances: 2 }
        - { name: db, kind: database, role: primary, vcpu: 8 }
        - { name: db-replica, kind: database, replica_of: db, vcpu: 8 }
      observations: { db.cpu: 40%, db-replica.cpu: 20% }
      """;

  @Test
  void replicaOfWithoutRole_isAReplica_notASecondPrimary() {
    SystemView view = new SystemView(SystemFileReader.read("sys.yaml", SYSTEM));
    assertThat(view.primaries()).extracting(Component::name).containsExactly("db");
    assertThat(view.replicaCount(view.primaries().get(0))).isEqualTo(1);
  }

  @Test
  void replicaOfWithoutRole_isNotFlaggedAsASinglePointOfFailure() {
    assertThat(Advisor.advise(SystemFileReader.read("sys.yaml", SYSTEM)).findings())
        .noneMatch(f -> f.ruleId().equals("HR-ARCH-007") && f.component().equals("db-replica"));
  }
}
