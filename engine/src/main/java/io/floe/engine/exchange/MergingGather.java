package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.MergeOperator;
import io.floe.engine.exec.Operator;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * The gather of a fragment whose N tasks each output rows sorted by a collation: each task's output arrives on its
 * own channel and the streams are merged in order ({@link MergeOperator}), so the fragment's rows come out sorted.
 */
public final class MergingGather implements Operator {
  private final FragmentExchange exchange;
  private final MergeOperator merge;

  /** {@code exchange} must be an ordered one ({@link FragmentExchange#ordered}). */
  public MergingGather(FragmentExchange exchange, List<RelFieldCollation> collation) {
    this.exchange = exchange;
    this.merge = new MergeOperator(exchange.taskOutputs(), collation);
  }

  @Override
  public Batch next() {
    return merge.next();
  }

  @Override
  public void close() {
    exchange.close();
  }
}
