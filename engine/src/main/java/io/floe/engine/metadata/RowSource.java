package io.floe.engine.metadata;

import java.util.List;

/**
 * A leaf of a plan whose rows Floe computes from table metadata (metadata tables, table changes) rather than by
 * scanning data files. Rows are in the engine's value representation (see {@link io.floe.engine.expr.Values}), in
 * the order of the node's row type.
 */
public interface RowSource {
  /** The rows, computed when called. */
  List<Object[]> rows();
}
