package io.floe.metadata;

import java.util.List;

/** A sort order of the spec; order id 0 is the unsorted order. */
public record SortOrder(int orderId, List<SortField> fields) {
  public SortOrder {
    fields = List.copyOf(fields);
  }

  public static SortOrder unsorted() {
    return new SortOrder(0, List.of());
  }

  /** One sort key: a transform of a source column, a direction and where nulls go. */
  public record SortField(String transform, int sourceId, boolean ascending, boolean nullsFirst) {
  }
}
