package io.floe.expressions;

import io.floe.manifest.FieldSummary;
import io.floe.partition.PartitionSpec;
import io.floe.types.NestedField;
import io.floe.types.TypeId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides from a manifest's partition field summaries whether it might list files with rows matching a row
 * filter, by testing the filter's inclusive projection against each partition field's contains-null,
 * contains-NaN and lower/upper bounds, as Iceberg's manifest evaluator does. A missing summary means "might match".
 * The values of the bounds of uuid partition fields are ignored, as writers disagree on the order they follow (see
 * {@link Bounds#trustsBounds}); whether a bound is present, contains-null and contains-NaN are still used.
 */
public final class ManifestEvaluator {
  private final Expression projected;
  private final Map<Integer, Integer> positions = new HashMap<>();

  public ManifestEvaluator(PartitionSpec spec, Expression boundRowFilter) {
    this.projected = Projections.inclusive(spec, boundRowFilter);
    List<NestedField> fields = spec.partitionType().fields();
    for (int i = 0; i < fields.size(); i++) {
      positions.put(fields.get(i).id(), i);
    }
  }

  /** False when no file of the manifest with these partition summaries (in spec order) can hold a matching row. */
  public boolean mightMatch(List<FieldSummary> partitionSummaries) {
    if (partitionSummaries == null || partitionSummaries.isEmpty()) {
      return true;
    }
    return BoundExpressions.eval(projected, p -> {
      Integer pos = positions.get(p.fieldId());
      if (pos == null || pos >= partitionSummaries.size() || partitionSummaries.get(pos) == null) {
        return true;
      }
      return mightMatch(partitionSummaries.get(pos), p);
    });
  }

  private static boolean mightMatch(FieldSummary s, BoundPredicate p) {
    // the lower bound is missing exactly when every value is null (or NaN, which bounds leave out)
    boolean noBounds = s.lowerBound() == null;
    return switch (p.op()) {
      case IS_NULL -> s.containsNull();
      case NOT_NULL -> !allNull(s, p);
      case IS_NAN -> s.containsNan() == null || s.containsNan();
      case NOT_NAN -> !(Boolean.TRUE.equals(s.containsNan()) && !s.containsNull() && noBounds && s.upperBound() == null);
      case LT, LT_EQ, GT, GT_EQ, EQ, IN, STARTS_WITH -> !noBounds && bounds(s, p).mightMatch(p);
      case NOT_STARTS_WITH -> s.containsNull() || bounds(s, p).mightMatch(p);
      case NOT_EQ, NOT_IN -> true;
    };
  }

  private static boolean allNull(FieldSummary s, BoundPredicate p) {
    boolean allNull = s.containsNull() && s.lowerBound() == null;
    TypeId type = p.field().type().typeId();
    if (allNull && (type == TypeId.FLOAT || type == TypeId.DOUBLE)) {
      // a float field without bounds may hold only NaNs instead
      return Boolean.FALSE.equals(s.containsNan());
    }
    return allNull;
  }

  private static Bounds bounds(FieldSummary s, BoundPredicate p) {
    return new Bounds(p.field().type(), s.lowerBound(), s.upperBound());
  }
}
