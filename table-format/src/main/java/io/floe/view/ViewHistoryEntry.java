package io.floe.view;

/** An entry of a view's version log: when its current version was set to {@code versionId}. */
public record ViewHistoryEntry(long timestampMs, int versionId) {
}
