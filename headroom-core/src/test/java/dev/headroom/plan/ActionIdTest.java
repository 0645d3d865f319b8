package dev.headroom.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.analysis.rules.Rule;
import dev.headroom.analysis.rules.RuleRegistry;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Action ids are typed: one enum, one catalogue entry each, and every rule names real ones. */
class ActionIdTest {

  @Test
  void everyActionId_hasACatalogueEntry_andEveryEntryAnActionId() {
    assertThat(Actions.all())
        .extracting(Action::id)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ActionId.values()).map(ActionId::id).toList());
    for (Action a : Actions.all()) {
      assertThat(a.key().id()).isEqualTo(a.id());
    }
  }

  @Test
  void everyActionARuleRecommends_isATypedActionId() {
    for (Rule r : RuleRegistry.all()) {
      for (String id : r.actions()) {
        assertThat(ActionId.of(id).id()).as("%s recommends %s", r.id(), id).isEqualTo(id);
      }
    }
  }

  @Test
  void warnings_arePricedAsMovesNotMade_andOnlyModelChangingActionsDeclareAnEffect() {
    for (Action a : Actions.all()) {
      if (a.kind() == ActionKind.WARNING) {
        assertThat(a.key().pricing()).as(a.id()).isEqualTo(ActionId.Pricing.NOT_DONE);
        assertThat(a.key().effect()).as(a.id()).isEqualTo(ActionId.Effect.NONE);
      }
    }
    assertThat(ActionId.ADD_APP_CACHE.effect()).isEqualTo(ActionId.Effect.ADD_CACHE);
    assertThat(ActionId.ADD_READ_REPLICAS.effect()).isEqualTo(ActionId.Effect.ADD_REPLICAS);
  }

  @Test
  void aMisspeltId_isRefusedWithTheClosest() {
    assertThatThrownBy(() -> ActionId.of("add-read-replica"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("did you mean \"add-read-replicas\"");
  }
}
