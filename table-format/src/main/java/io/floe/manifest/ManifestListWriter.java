package io.floe.manifest;

import io.floe.io.OutputFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Writes a snapshot's v2 manifest list: one Avro {@code manifest_file} record per manifest, with the file metadata
 * {@code snapshot-id}, {@code parent-snapshot-id}, {@code sequence-number} and {@code format-version}.
 *
 * <p>Manifests written in this commit carry {@link ManifestWriter#UNASSIGNED_SEQUENCE_NUMBER}: the writer replaces
 * it (in {@code sequence_number}, and in {@code min_sequence_number} when that is unassigned too) with the commit's
 * {@code sequenceNumber}, so a manifest can be written once and reused if the commit is retried.
 */
public final class ManifestListWriter {
  private ManifestListWriter() {
  }

  public static void write(OutputFile out, long snapshotId, Long parentSnapshotId, long sequenceNumber,
                           List<ManifestFile> manifests) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("snapshot-id", String.valueOf(snapshotId));
    metadata.put("parent-snapshot-id", String.valueOf(parentSnapshotId));
    metadata.put("sequence-number", String.valueOf(sequenceNumber));
    metadata.put("format-version", "2");
    AvroAppender appender = new AvroAppender(out, ManifestSchemas.MANIFEST_FILE, metadata);
    for (ManifestFile manifest : manifests) {
      appender.append(record(assign(manifest, snapshotId, sequenceNumber, out.location())));
    }
    appender.close();
  }

  /** The manifest with unassigned sequence numbers set to the commit's. */
  static ManifestFile assign(ManifestFile m, long snapshotId, long sequenceNumber, String listLocation) {
    boolean unassigned = m.sequenceNumber() == ManifestWriter.UNASSIGNED_SEQUENCE_NUMBER;
    boolean minUnassigned = m.minSequenceNumber() == ManifestWriter.UNASSIGNED_SEQUENCE_NUMBER;
    if (!unassigned && !minUnassigned) {
      return m;
    }
    if (m.addedSnapshotId() != snapshotId) {
      throw new IllegalArgumentException("manifest " + m.path() + " has no sequence number but was added by snapshot "
          + m.addedSnapshotId() + ", not by snapshot " + snapshotId + " of manifest list " + listLocation);
    }
    return new ManifestFile(m.path(), m.length(), m.partitionSpecId(), m.content(),
        unassigned ? sequenceNumber : m.sequenceNumber(), minUnassigned ? sequenceNumber : m.minSequenceNumber(),
        m.addedSnapshotId(), m.addedFilesCount(), m.existingFilesCount(), m.deletedFilesCount(), m.addedRowsCount(),
        m.existingRowsCount(), m.deletedRowsCount(), m.partitions());
  }

  private static GenericData.Record record(ManifestFile m) {
    Schema schema = ManifestSchemas.MANIFEST_FILE;
    GenericData.Record r = new GenericData.Record(schema);
    r.put("manifest_path", m.path());
    r.put("manifest_length", m.length());
    r.put("partition_spec_id", m.partitionSpecId());
    r.put("content", m.content() == FileContent.DATA ? 0 : 1);
    r.put("sequence_number", m.sequenceNumber());
    r.put("min_sequence_number", m.minSequenceNumber());
    r.put("added_snapshot_id", m.addedSnapshotId());
    r.put("added_files_count", m.addedFilesCount());
    r.put("existing_files_count", m.existingFilesCount());
    r.put("deleted_files_count", m.deletedFilesCount());
    r.put("added_rows_count", m.addedRowsCount());
    r.put("existing_rows_count", m.existingRowsCount());
    r.put("deleted_rows_count", m.deletedRowsCount());
    if (m.partitions() != null) {
      Schema summarySchema = AvroFields.nonNull(schema.getField("partitions").schema()).getElementType();
      List<GenericData.Record> summaries = new ArrayList<>();
      for (FieldSummary s : m.partitions()) {
        GenericData.Record summary = new GenericData.Record(summarySchema);
        summary.put("contains_null", s.containsNull());
        summary.put("contains_nan", s.containsNan());
        summary.put("lower_bound", s.lowerBound() == null ? null : s.lowerBound().duplicate());
        summary.put("upper_bound", s.upperBound() == null ? null : s.upperBound().duplicate());
        summaries.add(summary);
      }
      r.put("partitions", summaries);
    }
    return r;
  }
}
