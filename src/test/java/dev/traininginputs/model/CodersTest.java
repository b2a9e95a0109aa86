package dev.traininginputs.model;

import static dev.traininginputs.TestData.history;
import static dev.traininginputs.TestData.ints;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** Every value coder round-trips exactly, deterministically, including the extremes. */
class CodersTest {

  @Test
  void action() throws Exception {
    for (Action a :
        List.of(
            new Action(Long.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE, 0, ActionType.CLICK, 1),
            new Action(-1, -5, -86_400, 999_999_999, ActionType.ORDER, Integer.MAX_VALUE),
            new Action(Long.MAX_VALUE, 20_000, 1_741_000_000L, 5, ActionType.ADD_TO_CART, 17))) {
      CoderProperties.coderDecodeEncodeEqual(Action.Coder.of(), a);
      CoderProperties.coderDeterministic(Action.Coder.of(), a, a);
    }
  }

  @Test
  void actionBatchGivesBackEveryActionInOrder() throws Exception {
    List<Action> actions =
        List.of(
            new Action(-7, Integer.MIN_VALUE, Long.MIN_VALUE, 0, ActionType.CLICK, 1),
            new Action(-7, -5, -86_400, 999_999_999, ActionType.ORDER, Integer.MAX_VALUE),
            new Action(-7, 20_000, 1_741_000_000L, 5, ActionType.ADD_TO_CART, 17),
            new Action(-7, 20_000, Long.MAX_VALUE, 5, ActionType.CLICK, 17));
    ActionBatch batch = ActionBatch.of(-7, actions);
    assertEquals(actions, batch.actions());
    assertEquals(4, batch.size());
    CoderProperties.coderDecodeEncodeEqual(ActionBatch.Coder.of(), batch);
    CoderProperties.coderDeterministic(ActionBatch.Coder.of(), batch, ActionBatch.of(-7, actions));
    assertEquals(
        actions,
        CoderUtils.decodeFromByteArray(
                ActionBatch.Coder.of(), CoderUtils.encodeToByteArray(ActionBatch.Coder.of(), batch))
            .actions());
    assertEquals(List.of(), ActionBatch.of(3, List.of()).actions());
    assertThrows(
        IllegalArgumentException.class, () -> new ActionBatch.Builder(8).add(actions.get(0)));
  }

  @Test
  void impression() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(
        Impression.Coder.of(),
        new Impression(
            20_000,
            "r,ü\"1",
            -3,
            List.of(new Impression.Item(5, true), new Impression.Item(5, false))));
    CoderProperties.coderDecodeEncodeEqual(
        Impression.Coder.of(), new Impression(0, "r", 0, List.of()));
  }

  @Test
  void trainingRowKeepsTheFullPaddedArrays() throws Exception {
    ImpressedItem item = new ImpressedItem(-9, 20_000, "r-1", 3, 42, true);
    for (History h :
        List.of(
            History.empty(1000),
            history(1000, ints(7, 8, 9), ints(3, 2, 1)),
            history(3, ints(Integer.MAX_VALUE, 1, 2), ints(1, 1, 1)),
            history(1, ints(), ints()))) {
      CoderProperties.coderDecodeEncodeEqual(TrainingRow.Coder.of(), new TrainingRow(item, h));
    }
  }

  @Test
  void rejectedRecord() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(
        RejectedRecord.Coder.of(),
        new RejectedRecord("clicks", "/a b/c.csv", Long.MAX_VALUE, "why: \"x\"", "raw,\u20ac"));
  }

  @Test
  void historyRowsKeepTheHistoryOnceAndEveryImpressionRow() throws Exception {
    Impression a =
        new Impression(
            20_000,
            "r-1",
            -9,
            List.of(new Impression.Item(42, true), new Impression.Item(41, false)));
    Impression b = new Impression(20_000, "r-2", -9, List.of(new Impression.Item(43, false)));
    HistoryRows rows = new HistoryRows(history(1000, ints(7, 8), ints(3, 1)), List.of(a, b, a));
    CoderProperties.coderDecodeEncodeEqual(HistoryRows.Coder.of(), rows);
    HistoryRows decoded = CoderUtils.clone(HistoryRows.Coder.of(), rows);
    assertThat(decoded.impressions(), equalTo(List.of(a, b, a)));
    assertThat(decoded.size(), equalTo(5));
    assertThat(
        decoded.rows().get(1),
        equalTo(
            new TrainingRow(new ImpressedItem(-9, 20_000, "r-1", 1, 41, false), rows.history())));
    assertThat(
        decoded.rows().get(2),
        equalTo(
            new TrainingRow(new ImpressedItem(-9, 20_000, "r-2", 0, 43, false), rows.history())));
    assertThat(decoded.rows().get(0).history().actions().length, equalTo(1000));
  }
}
