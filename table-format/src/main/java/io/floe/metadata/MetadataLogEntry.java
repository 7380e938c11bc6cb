package io.floe.metadata;

/** An earlier metadata file of the table (the spec's metadata-log). */
public record MetadataLogEntry(long timestampMs, String metadataFile) {
}
