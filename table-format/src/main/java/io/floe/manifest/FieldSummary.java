package io.floe.manifest;

import java.nio.ByteBuffer;

/** A manifest's summary of one partition field: nulls, NaNs and the bounds (single-value encoded). */
public record FieldSummary(boolean containsNull, Boolean containsNan, ByteBuffer lowerBound, ByteBuffer upperBound) {
}
