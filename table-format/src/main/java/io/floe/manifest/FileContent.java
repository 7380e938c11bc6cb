package io.floe.manifest;

/** What a file in a manifest holds (the spec's {@code content} codes 0, 1, 2). */
public enum FileContent {
  DATA, POSITION_DELETES, EQUALITY_DELETES;

  public int id() {
    return ordinal();
  }

  public static FileContent fromId(int id) {
    if (id < 0 || id > 2) {
      throw new IllegalArgumentException("unknown file content code " + id);
    }
    return values()[id];
  }
}
