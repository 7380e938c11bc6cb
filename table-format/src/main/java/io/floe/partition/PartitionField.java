package io.floe.partition;

/** One field of a partition spec: {@code transform(source column)} named {@code name}, with its own field id. */
public record PartitionField(int sourceId, int fieldId, String name, Transform transform) {
}
