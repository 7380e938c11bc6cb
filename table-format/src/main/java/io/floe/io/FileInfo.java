package io.floe.io;

/** A file found by listing. */
public record FileInfo(String location, long size, long lastModifiedMs) {
}
