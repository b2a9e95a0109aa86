package dev.traininginputs.assemble;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.ActionBatch;
import dev.traininginputs.model.Impression;
import dev.traininginputs.sequence.BuildHistories;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.join.UnionCoder;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Brings each customer's impression rows and usable actions together in one grouping: both sides
 * tagged ({@link BuildHistories#IMPRESSION}, {@link BuildHistories#ACTION}), flattened and grouped
 * by customer.
 *
 * <p>Input: every impression row of the built days; those with an empty impressions array have no
 * training rows and are dropped here. The actions are given to {@link #with} with the test that
 * cuts them to the usable ones ({@link DropUnusableActions#test}), applied as they are packed.
 * Output: per customer, its rows and its kept actions as {@link ActionBatch}es, in no particular
 * order, meant to be read once ({@link BuildHistories} streams them).
 *
 * <p>Actions cross the shuffle packed per customer: each read task collects its actions by customer
 * in a buffer of at most {@link #BUFFER_BYTES} and hands the batches on when the buffer is full and
 * at the end of the task. The grouping then sorts and serializes a few hundred times fewer records
 * (on a daily run, one per customer and read task instead of one per action), and the buffer's
 * memory is fixed, whatever the number of customers or actions.
 *
 * <p>Why one plain grouping rather than a Combine per customer and a join: a Combine's map side
 * holds an accumulator for every customer of its partition, and a join's group is materialized in
 * memory; a grouping read once is streamed from the sorted shuffle on the SparkRunner (with {@code
 * --preferGroupByKeyToHandleHugeValues}, which the command line sets), so no step's memory grows
 * with customers or with one customer's actions.
 */
public final class GroupByCustomer
    extends PTransform<PCollection<Impression>, PCollection<KV<Long, Iterable<RawUnionValue>>>> {
  /** The packed actions a read task holds before it hands them on, in bytes. */
  static final long BUFFER_BYTES = 16L << 20;

  private final PCollection<Action> actions;
  private final ActionTest keep;
  private final long bufferBytes;

  private GroupByCustomer(PCollection<Action> actions, ActionTest keep, long bufferBytes) {
    this.actions = actions;
    this.keep = keep;
    this.bufferBytes = bufferBytes;
  }

  /**
   * Groups the impression rows it is applied to with those of these actions that {@code keep} keeps
   * ({@link DropUnusableActions#test}).
   */
  public static GroupByCustomer with(PCollection<Action> actions, ActionTest keep) {
    return new GroupByCustomer(actions, keep, BUFFER_BYTES);
  }

  /** Hands batches on whenever {@code bytes} are buffered: for tests, which fill it quickly. */
  GroupByCustomer withBufferBytes(long bytes) {
    return new GroupByCustomer(actions, keep, bytes);
  }

  /**
   * Which actions are grouped. Applied in the step that packs them rather than in a step of its
   * own: a runner hands every element from one step to the next at a cost (on the SparkRunner about
   * a tenth of the reading stage's time), and there are billions of actions.
   */
  public interface ActionTest extends Serializable {
    /** The side inputs that {@link #keeps} reads. */
    List<PCollectionView<?>> sideInputs();

    /** Called at the start of every bundle. */
    void startBundle();

    /** Whether {@code action} is grouped; {@code context} gives the side inputs. */
    boolean keeps(Action action, DoFn<?, ?>.ProcessContext context);

    /** Called at the end of every bundle. */
    void finishBundle();
  }

  @Override
  public PCollection<KV<Long, Iterable<RawUnionValue>>> expand(
      PCollection<Impression> impressions) {
    KvCoder<Long, RawUnionValue> tagged =
        KvCoder.of(
            VarLongCoder.of(),
            UnionCoder.of(List.of(Impression.Coder.of(), ActionBatch.Coder.of())));
    TypeDescriptor<KV<Long, RawUnionValue>> type =
        TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptor.of(RawUnionValue.class));
    PCollection<KV<Long, RawUnionValue>> impressionsByCustomer =
        impressions
            .apply("DropEmptyImpressions", Filter.by(impression -> !impression.items().isEmpty()))
            .apply(
                "TagImpressions",
                MapElements.into(type)
                    .via(
                        i ->
                            KV.of(i.customerId(), new RawUnionValue(BuildHistories.IMPRESSION, i))))
            .setCoder(tagged);
    PCollection<KV<Long, RawUnionValue>> actionsByCustomer =
        actions
            .apply(
                "KeepAndPackPerCustomer",
                ParDo.of(new PackPerCustomerFn(bufferBytes, keep))
                    .withSideInputs(keep.sideInputs()))
            .setCoder(tagged);
    return PCollectionList.of(impressionsByCustomer)
        .and(actionsByCustomer)
        .apply("FlattenBothSides", Flatten.pCollections())
        .apply("GroupByCustomerId", GroupByKey.create());
  }

  /**
   * Packs the actions of a bundle that {@code keep} keeps by customer, in a buffer of at most
   * {@code maxBytes}.
   */
  private static final class PackPerCustomerFn extends DoFn<Action, KV<Long, RawUnionValue>> {
    private final long maxBytes;
    private final ActionTest keep;
    private transient Map<Long, ActionBatch.Builder> buffer;
    private transient long bufferBytes;

    PackPerCustomerFn(long maxBytes, ActionTest keep) {
      this.maxBytes = maxBytes;
      this.keep = keep;
    }

    @StartBundle
    public void startBundle() {
      emptyBuffer();
      keep.startBundle();
    }

    private void emptyBuffer() {
      buffer = new HashMap<>();
      bufferBytes = 0;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      Action action = context.element();
      if (!keep.keeps(action, context)) {
        return;
      }
      ActionBatch.Builder batch = buffer.get(action.customerId());
      if (batch == null) {
        batch = new ActionBatch.Builder(action.customerId());
        buffer.put(action.customerId(), batch);
      } else {
        bufferBytes -= batch.bytes();
      }
      bufferBytes += batch.add(action).bytes();
      if (bufferBytes > maxBytes) {
        buffer.values().forEach(full -> context.output(tagged(full)));
        emptyBuffer();
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      keep.finishBundle();
      buffer
          .values()
          .forEach(
              batch ->
                  context.output(
                      tagged(batch), BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE));
      buffer = null;
    }

    private static KV<Long, RawUnionValue> tagged(ActionBatch.Builder batch) {
      return KV.of(batch.customerId(), new RawUnionValue(BuildHistories.ACTION, batch.build()));
    }
  }
}
