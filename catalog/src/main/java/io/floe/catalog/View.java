package io.floe.catalog;

import io.floe.view.ViewMetadata;

/** A view of a catalog: its name, the metadata file the catalog points at, and that file's metadata. */
public record View(TableIdentifier id, String metadataFileLocation, ViewMetadata metadata) {
}
