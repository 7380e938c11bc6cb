package io.floe.puffin;

import java.util.List;

/**
 * A Puffin file as written: its location, its size, the size of its footer (both magics included, as a table's
 * statistics entry records it in {@code file-footer-size-in-bytes}) and its blobs.
 */
public record PuffinFileInfo(String location, long fileSize, long footerSize, List<PuffinBlobMetadata> blobs) {
  public PuffinFileInfo {
    blobs = List.copyOf(blobs);
  }
}
