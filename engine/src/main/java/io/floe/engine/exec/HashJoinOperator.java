package io.floe.engine.exec;

import io.floe.engine.exec.spill.SpillingJoin;
import io.floe.engine.exec.spill.Spilling;
import io.floe.engine.expr.VectorExpr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.rel.core.JoinRelType;

/**
 * A hash join: builds a hash table over the right input's equi-join keys, probes it with the left input's batches
 * and applies the residual (non-equi) condition to the candidate pairs. Supports INNER, LEFT, RIGHT, FULL, SEMI
 * and ANTI; without equi keys every pair is a candidate (a nested-loop join). A key that is null never matches
 * unless its equality is null-safe (IS NOT DISTINCT FROM).
 *
 * <p>A SEMI or ANTI join may instead build on its left input ({@link #buildingLeft}, a "right semi/anti join"):
 * the right input's batches probe the table, every left row with a match (that passes the residual condition) is
 * marked, and once the right input is exhausted the marked left rows (SEMI) or the unmarked ones (ANTI) are
 * emitted. A left row with a null key is never marked, as a probing left row with a null key never matches.
 *
 * <p>With {@link Spilling} ({@link #spillingTo}), a build side that does not fit its share of the query's memory goes
 * to disk instead (a grace hash join, {@link SpillingJoin}): build and probe rows are partitioned by a hash of their
 * key and each partition pair is joined by a fresh join like this one, one level deeper (at most {@value #MAX_LEVEL}
 * levels; beyond, a build side that does not fit fails as without spilling).
 */
public final class HashJoinOperator implements Operator {
  private static final int PAIR_CHUNK = 65_536;
  /** Levels of partitioning after which a build side that does not fit fails the query. */
  private static final int MAX_LEVEL = 8;
  /**
   * An estimate of what the hash table takes per build row beside the rows (buckets, chain, hash, flag), for deciding
   * to spill; the long-key table of a large build side may take more ({@code LongKeyJoinTable.memoryBytes}).
   */
  private static final long TABLE_BYTES_PER_ROW = 32;

  private final Operator left;
  private final Operator right;
  private final JoinRelType type;
  private final boolean[] nullSafe;
  private final VectorExpr residual;
  private final int leftWidth;
  private final int rightWidth;
  private final boolean buildLeft;
  private final Operator buildInput;
  private final Operator probeInput;
  private final int[] buildKeys;
  private final int[] probeKeys;
  /** Per build column, the index of the equi key it is (its first), or -1. */
  private final int[] keyOfBuildColumn;
  private final ArrayDeque<Batch> pending = new ArrayDeque<>();
  private final MemoryAccount memory;
  /** The query's allocator (null: no limit), which the joins of spilled partition pairs count against too. */
  private final BufferAllocator allocator;
  /** Whether a probe row needs only its first match (see {@link #firstMatchOnly()}). */
  private final boolean firstMatchOnly;
  /** The table shared with the other tasks of a broadcast join, or null when this operator builds its own. */
  private final SharedJoinBuild shared;

  /**
   * Where the build keys go once the table is built, for the probe side's producers to filter by: each filter with
   * the indexes (into the join's keys) of the keys it holds, all of them or some (a filter placed below a node that
   * passes on only those, such as an aggregation grouping by them).
   */
  private final List<PublishedKeys> keyFilters = new ArrayList<>();
  /** Where a build side that does not fit spills; null: it fails the query instead. */
  private Spilling spilling;
  /** The partitioning level: 0, or one more than the spilled join whose partition pair this join joins. */
  private int level;
  /** The join of the partitions once the build side spilled; null while it is in memory. */
  private SpillingJoin spilled;
  private Batch build;
  private int buildRows;
  /** The table when every build key is a long column (and no equality is null-safe); null otherwise. */
  private LongKeyJoinTable longTable;
  private int[] buckets;
  private int[] chain;
  private int[] buildHashes;
  private int[] pairProbe;
  private int[] pairBuild;
  /** The last probe batch: the types of the left columns for the NULLs padding unmatched build rows. */
  private Batch lastProbe;
  /**
   * Whether the pairs being collected matched raw long keys of the same kinds: a build key column's values are then
   * its probe key column's, read in probe order instead of at random build rows.
   */
  private boolean keysFromProbe;
  private boolean[] buildMatched;
  private boolean probeDone;

  public HashJoinOperator(Operator left, Operator right, JoinRelType type, int[] leftKeys, int[] rightKeys,
      boolean[] nullSafe, VectorExpr residual, int leftWidth, int rightWidth) {
    this(left, right, type, leftKeys, rightKeys, nullSafe, residual, leftWidth, rightWidth, null);
  }

  /** A hash join whose build side counts against the query's memory limit on {@code allocator}. */
  public HashJoinOperator(Operator left, Operator right, JoinRelType type, int[] leftKeys, int[] rightKeys,
      boolean[] nullSafe, VectorExpr residual, int leftWidth, int rightWidth, BufferAllocator allocator) {
    this(left, right, type, leftKeys, rightKeys, nullSafe, residual, leftWidth, rightWidth, allocator, false, null);
  }

  /**
   * One task of a broadcast join whose tasks share one hash table ({@code shared}): INNER, LEFT, SEMI or ANTI, whose
   * build rows need no per-task matched flags.
   */
  public static HashJoinOperator sharingBuild(Operator left, Operator right, JoinRelType type, int[] leftKeys,
      int[] rightKeys, boolean[] nullSafe, VectorExpr residual, int leftWidth, int rightWidth,
      BufferAllocator allocator, SharedJoinBuild shared) {
    if (type == JoinRelType.RIGHT || type == JoinRelType.FULL) {
      throw new IllegalArgumentException("a " + type + " join emits unmatched build rows: it cannot share its build");
    }
    return new HashJoinOperator(left, right, type, leftKeys, rightKeys, nullSafe, residual, leftWidth, rightWidth,
        allocator, false, shared);
  }

  /**
   * A SEMI or ANTI join that builds its hash table on the left input and probes it with the right input's batches,
   * emitting the left rows once the right input is exhausted.
   */
  public static HashJoinOperator buildingLeft(Operator left, Operator right, JoinRelType type, int[] leftKeys,
      int[] rightKeys, boolean[] nullSafe, VectorExpr residual, int leftWidth, int rightWidth,
      BufferAllocator allocator) {
    if (type != JoinRelType.SEMI && type != JoinRelType.ANTI) {
      throw new IllegalArgumentException("only SEMI and ANTI joins build on the left input, not " + type);
    }
    return new HashJoinOperator(left, right, type, leftKeys, rightKeys, nullSafe, residual, leftWidth, rightWidth,
        allocator, true, null);
  }

  private HashJoinOperator(Operator left, Operator right, JoinRelType type, int[] leftKeys, int[] rightKeys,
      boolean[] nullSafe, VectorExpr residual, int leftWidth, int rightWidth, BufferAllocator allocator,
      boolean buildLeft, SharedJoinBuild shared) {
    this.shared = shared;
    this.memory = new MemoryAccount(allocator, "HashJoin (build side)");
    this.allocator = allocator;
    this.left = left;
    this.right = right;
    this.type = type;
    this.nullSafe = nullSafe.clone();
    this.residual = residual;
    this.leftWidth = leftWidth;
    this.rightWidth = rightWidth;
    this.buildLeft = buildLeft;
    this.buildInput = buildLeft ? left : right;
    this.probeInput = buildLeft ? right : left;
    this.buildKeys = (buildLeft ? leftKeys : rightKeys).clone();
    this.probeKeys = (buildLeft ? rightKeys : leftKeys).clone();
    this.firstMatchOnly = firstMatchOnly();
    this.keyOfBuildColumn = new int[buildLeft ? leftWidth : rightWidth];
    Arrays.fill(keyOfBuildColumn, -1);
    for (int k = buildKeys.length - 1; k >= 0; k--) {
      keyOfBuildColumn[buildKeys[k]] = k;
    }
  }

  /**
   * Adds this task's build keys to {@code filter} once its table is built (for a shared build, the task that builds
   * it), for a {@link JoinKeyFilterOperator} on the probe side; returns this operator.
   */
  public HashJoinOperator publishingKeysTo(JoinKeyFilter filter) {
    return publishingKeysTo(filter, IntStream.range(0, buildKeys.length).toArray());
  }

  /**
   * Adds the build keys {@code keyIndexes} (indexes into this join's keys) to {@code filter} once its table is built,
   * as {@link #publishingKeysTo(JoinKeyFilter)}; returns this operator.
   */
  public HashJoinOperator publishingKeysTo(JoinKeyFilter filter, int[] keyIndexes) {
    int[] columns = new int[keyIndexes.length];
    for (int i = 0; i < keyIndexes.length; i++) {
      if (nullSafe[keyIndexes[i]]) {
        // the filter holds no NULL key and drops probe rows with one, which a null-safe equality matches
        throw new IllegalArgumentException("a join key filter on the null-safe key " + keyIndexes[i]);
      }
      columns[i] = buildKeys[keyIndexes[i]];
    }
    keyFilters.add(new PublishedKeys(filter, columns));
    return this;
  }

  /** A filter the build keys go to, and the build columns {@code columns} it holds. */
  private record PublishedKeys(JoinKeyFilter filter, int[] columns) {
  }

  /**
   * Lets this join spill its rows to disk as {@code spilling} says when its build side does not fit (null: it fails
   * instead, with 53200); a task that shares a broadcast build never spills. Returns this operator.
   */
  public HashJoinOperator spillingTo(Spilling spilling) {
    this.spilling = spilling;
    return this;
  }

  @Override
  public Batch next() {
    if (build == null && spilled == null) {
      if (shared == null) {
        buildTable();
      } else {
        use(shared.get(() -> {
          buildTable();
          return new SharedJoinBuild.Table(build, longTable, buckets, chain, buildHashes);
        }, this::drainBuildInput));
      }
    }
    if (spilled != null) {
      return spilled.next();
    }
    if (buildLeft && buildRows == 0) {
      return null; // no left row to keep: the right input need not be read
    }
    while (pending.isEmpty()) {
      if (probeDone) {
        return null;
      }
      Batch probe = probeInput.next();
      if (probe == null) {
        probeDone = true;
        if (buildLeft) {
          emitMarkedBuildRows();
        } else {
          emitUnmatchedRight();
        }
      } else {
        probe(probe);
      }
    }
    return pending.poll();
  }

  /** Probes the shared {@code table} (built by another task, or by this one). */
  private void use(SharedJoinBuild.Table table) {
    build = table.build();
    buildRows = build.size();
    longTable = table.longTable();
    buckets = table.buckets();
    chain = table.chain();
    buildHashes = table.buildHashes();
    buildMatched = new boolean[buildRows];
  }

  /** Reads this task's copy of the broadcast build input to its end, keeping nothing (another task builds). */
  private void drainBuildInput() {
    while (buildInput.next() != null) {
      Cancellation.check();
    }
  }

  private void buildTable() {
    List<Batch> batches = new ArrayList<>();
    Batch b;
    long held = 0;
    long rows = 0;
    while ((b = buildInput.next()) != null) {
      Cancellation.check();
      batches.add(b);
      held += b.memoryBytes();
      rows += b.size();
      if (!holdBuildRows(held, rows)) {
        spill(batches);
        return;
      }
    }
    build = concat(batches, buildLeft ? leftWidth : rightWidth);
    buildRows = build.size();
    buildMatched = new boolean[buildRows];
    int[] hashes = Keys.hashes(build, buildKeys);
    long[][] buildLongs = buildKeys.length == 0 ? null : longKeys(build, buildKeys, build, buildKeys);
    boolean intoLongTable = buildLongs != null && LongKeyJoinTable.outgrowsCache(buildRows, buildKeys.length);
    boolean[] nullKeys = intoLongTable ? anyNullKey(build, buildKeys) : null;
    long columns = Math.max(held, build.memoryBytes());
    long filterBits = publishKeys(hashes, columns);
    if (intoLongTable) {
      longTable = new LongKeyJoinTable(buildLongs, nullKeys, hashes, buildRows);
      // the input batches are garbage once concatenated: the build side holds its columns, the table and the
      // matched flags
      memory.hold(columns + filterBits + longTable.memoryBytes() + buildRows);
      return;
    }
    // the build side holds its columns and the hash arrays (buckets, chain, each row's hash, matched flags)
    memory.hold(columns + filterBits + 17L * build.size());
    int capacity = Integer.highestOneBit(Math.max(16, buildRows * 2 - 1)) << 1;
    buckets = new int[capacity];
    Arrays.fill(buckets, -1);
    chain = new int[buildRows];
    buildHashes = hashes;
    int mask = capacity - 1;
    // insert in reverse so each chain lists its rows in build order
    for (int r = buildRows - 1; r >= 0; r--) {
      if (hasNullKey(build, buildKeys, r)) {
        chain[r] = -1;
        continue;
      }
      int slot = GroupTable.spread(hashes[r]) & mask;
      chain[r] = buckets[slot];
      buckets[slot] = r;
    }
  }

  /**
   * Adds the built table's keys to the filters it publishes to ({@code hashes}: those of all its keys); returns the
   * bytes of the filters' bits this task holds. The task adding a filter's last part holds its bits (a bitmap's, or a
   * Bloom filter's when those do not fit beside the build side's {@code columns}; if neither fits, it stays off).
   */
  private long publishKeys(int[] hashes, long columns) {
    long filterBits = 0;
    for (PublishedKeys published : keyFilters) {
      int[] keys = published.columns();
      boolean allKeys = Arrays.equals(keys, buildKeys);
      LongColumn keyValues = keys.length == 1 && build.column(keys[0]) instanceof LongColumn l ? l : null;
      long held = filterBits;
      filterBits += published.filter().add(allKeys ? hashes : Keys.hashes(build, keys), buildRows,
          anyNullKey(build, keys), keyValues, bytes -> memory.tryHold(columns + held + bytes));
    }
    return filterBits;
  }

  /**
   * Holds the {@code bytes} of {@code rows} build rows read so far; false if this join spills and they and their
   * table would take more than its share of the query's memory (it then spills), failing with 53200 if it does not.
   * A join that may spill holds its partitions' write buffers too, so spilling needs no memory it does not hold.
   */
  private boolean holdBuildRows(long bytes, long rows) {
    if (spilling == null || shared != null || buildKeys.length == 0 || level >= MAX_LEVEL) {
      memory.hold(bytes);
      return true;
    }
    return memory.tryHoldSpillable(bytes + TABLE_BYTES_PER_ROW * rows + SpillingJoin.bufferBytes(),
        spilling.tasks());
  }

  /** Spills the build rows read so far ({@code batches}) and the rest of the build input to partitions. */
  private void spill(List<Batch> batches) {
    for (PublishedKeys published : keyFilters) {
      published.filter().addUnknownKeys(); // this task's keys are not held: the filter lets every probe row through
    }
    spilled = new SpillingJoin(spilling, level, buildKeys, probeKeys, unmatchedRows(), probeInput, memory,
        this::joinPartitions);
    spilled.partitionBuild(batches, buildInput);
  }

  /** Which rows without a match this join emits. */
  private SpillingJoin.Unmatched unmatchedRows() {
    if (buildLeft) {
      return type == JoinRelType.ANTI ? SpillingJoin.Unmatched.BUILD : SpillingJoin.Unmatched.NONE;
    }
    switch (type) {
      case LEFT:
      case ANTI:
        return SpillingJoin.Unmatched.PROBE;
      case RIGHT:
        return SpillingJoin.Unmatched.BUILD;
      case FULL:
        return SpillingJoin.Unmatched.BOTH;
      default:
        return SpillingJoin.Unmatched.NONE;
    }
  }

  /** A fresh join of one spilled partition pair, one partitioning level below this one. */
  private Operator joinPartitions(Operator buildRows, Operator probeRows) {
    HashJoinOperator pair = new HashJoinOperator(buildLeft ? buildRows : probeRows, buildLeft ? probeRows : buildRows,
        type, buildLeft ? buildKeys : probeKeys, buildLeft ? probeKeys : buildKeys, nullSafe, residual, leftWidth,
        rightWidth, allocator, buildLeft, null);
    pair.spilling = spilling;
    pair.level = level + 1;
    return pair;
  }

  private static Batch concat(List<Batch> batches, int width) {
    Column[] cols = new Column[width];
    int rows = 0;
    for (Batch batch : batches) {
      rows += batch.size();
    }
    for (int c = 0; c < width; c++) {
      List<Column> parts = new ArrayList<>(batches.size());
      for (Batch batch : batches) {
        parts.add(batch.column(c));
      }
      cols[c] = parts.isEmpty() ? new ObjectColumn(new Object[0]) : Columns.concat(parts);
    }
    return new Batch(rows, cols);
  }

  /** Whether row {@code r} has a null in a key whose equality is not null-safe (it then matches nothing). */
  private boolean hasNullKey(Batch batch, int[] keys, int r) {
    for (int k = 0; k < keys.length; k++) {
      if (!nullSafe[k] && batch.column(keys[k]).isNull(r)) {
        return true;
      }
    }
    return false;
  }

  private boolean keysEqual(Batch probe, int r, int m) {
    for (int k = 0; k < probeKeys.length; k++) {
      Column a = probe.column(probeKeys[k]);
      Column b = build.column(buildKeys[k]);
      boolean nullA = a.isNull(r);
      boolean nullB = b.isNull(m);
      if (nullA || nullB) {
        if (nullA != nullB) {
          return false;
        }
      } else if (!Keys.equal(a, r, b, m)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The key values of {@code batch}'s columns {@code keys} when every key is a long column of the same kind and
   * scale as the other side's and no equality is null-safe (keys then compare as raw longs); null otherwise.
   */
  private long[][] longKeys(Batch batch, int[] keys, Batch other, int[] otherKeys) {
    long[][] out = new long[keys.length][];
    for (int k = 0; k < keys.length; k++) {
      if (nullSafe[k] || !(batch.column(keys[k]) instanceof LongColumn a)
          || !(other.column(otherKeys[k]) instanceof LongColumn b) || !a.sameKind(b)) {
        return null;
      }
      out[k] = a.values();
    }
    return out;
  }

  private void probe(Batch probe) {
    lastProbe = probe;
    keysFromProbe = false;
    int n = probe.size();
    boolean[] probeMatched = new boolean[n];
    if (pairProbe == null) {
      pairProbe = new int[PAIR_CHUNK];
      pairBuild = new int[PAIR_CHUNK];
    }
    int[] hashes = probeKeys.length == 0 ? null : Keys.hashes(probe, probeKeys);
    if (longTable == null && hashes != null) {
      long[][] probeLongs = longKeys(probe, probeKeys, build, buildKeys);
      if (probeLongs != null) {
        keysFromProbe = true;
        probeLongKeys(probe, hashes, probeLongs, longKeys(build, buildKeys, probe, probeKeys), probeMatched);
        emitUnmatchedLeft(probe, probeMatched);
        return;
      }
    }
    if (longTable != null) {
      long[][] probeLongs = longKeys(probe, probeKeys, build, buildKeys);
      if (probeLongs != null) {
        keysFromProbe = true;
        probeLongTable(probe, hashes, probeLongs, probeMatched);
      } else {
        probeLongTableByValue(probe, hashes, probeMatched);
      }
      emitUnmatchedLeft(probe, probeMatched);
      return;
    }
    int pairs = 0;
    int mask = buckets.length - 1;
    for (int r = 0; r < n; r++) {
      int first;
      if (hashes == null) {
        first = buildRows > 0 ? 0 : -1;
      } else {
        first = hasNullKey(probe, probeKeys, r) ? -1 : buckets[GroupTable.spread(hashes[r]) & mask];
      }
      // without equi keys every build row is a candidate (a nested-loop join)
      for (int m = first; m >= 0; m = hashes == null ? (m + 1 < buildRows ? m + 1 : -1) : chain[m]) {
        if (hashes != null && (buildHashes[m] != hashes[r] || !keysEqual(probe, r, m))) {
          continue;
        }
        pairs = addPair(probe, pairs, r, m, probeMatched);
        if (firstMatchOnly) {
          break;
        }
      }
    }
    flushPairs(probe, pairs, probeMatched);
    emitUnmatchedLeft(probe, probeMatched);
  }

  /**
   * The probe loop when all keys are longs compared as raw values: rows with a null key were left out of the
   * build side's chains and are skipped here, so no per-row null or type checks remain.
   */
  private void probeLongKeys(Batch probe, int[] hashes, long[][] probeLongs, long[][] buildLongs,
      boolean[] probeMatched) {
    int n = probe.size();
    boolean[] probeNulls = anyNullKey(probe, probeKeys);
    int keyCount = probeLongs.length;
    long[] probe0 = probeLongs[0];
    long[] build0 = buildLongs[0];
    int[] bucketArray = buckets;
    int[] chainArray = chain;
    int[] buildHashArray = buildHashes;
    int mask = bucketArray.length - 1;
    int pairs = 0;
    for (int r = 0; r < n; r++) {
      if (probeNulls != null && probeNulls[r]) {
        continue;
      }
      int h = hashes[r];
      long key0 = probe0[r];
      for (int m = bucketArray[GroupTable.spread(h) & mask]; m >= 0; m = chainArray[m]) {
        if (buildHashArray[m] != h || build0[m] != key0 || keyCount > 1 && !restEqual(probeLongs, r, buildLongs, m)) {
          continue;
        }
        pairs = addPair(probe, pairs, r, m, probeMatched);
        if (firstMatchOnly) {
          break;
        }
      }
    }
    flushPairs(probe, pairs, probeMatched);
  }
  private static boolean restEqual(long[][] a, int r, long[][] b, int m) {
    for (int k = 1; k < a.length; k++) {
      if (a[k][r] != b[k][m]) {
        return false;
      }
    }
    return true;
  }
  /**
   * The probe loop of the long-key table when all keys are longs of the build keys' kinds, compared as raw values: rows with a null key
   * were left out of the build side's table and are skipped here, so no per-row null or type checks remain.
   */
  private void probeLongTable(Batch probe, int[] hashes, long[][] probeLongs, boolean[] probeMatched) {
    int n = probe.size();
    boolean[] probeNulls = anyNullKey(probe, probeKeys);
    LongKeyJoinTable table = longTable;
    long[] touched = new long[LongKeyJoinTable.TOUCH_CHUNK];
    int pairs = 0;
    for (int from = 0; from < n; from += LongKeyJoinTable.TOUCH_CHUNK) {
      int to = Math.min(n, from + LongKeyJoinTable.TOUCH_CHUNK);
      table.touch(hashes, from, to, touched);
      for (int r = from; r < to; r++) {
        if (probeNulls == null || !probeNulls[r]) {
          long entry = table.lookup(probeLongs, r, hashes[r]);
          if (entry != 0) {
            pairs = addPairs(probe, pairs, r, entry, probeMatched);
          }
        }
      }
    }
    flushPairs(probe, pairs, probeMatched);
  }

  /** The probe loop of the long-key table for probe keys of other column types or kinds, compared by value. */
  private void probeLongTableByValue(Batch probe, int[] hashes, boolean[] probeMatched) {
    int n = probe.size();
    int pairs = 0;
    for (int r = 0; r < n; r++) {
      if (!hasNullKey(probe, probeKeys, r)) {
        int row = r;
        long entry = longTable.lookup(hashes[r], m -> keysEqual(probe, row, m));
        if (entry != 0) {
          pairs = addPairs(probe, pairs, r, entry, probeMatched);
        }
      }
    }
    flushPairs(probe, pairs, probeMatched);
  }

  /** Records the pairs of probe row r with the build rows of a table entry (the first only if that suffices). */
  private int addPairs(Batch probe, int pairs, int r, long entry, boolean[] probeMatched) {
    int count = firstMatchOnly ? 1 : LongKeyJoinTable.count(entry);
    if (count == 1) {
      return addPair(probe, pairs, r, longTable.row(entry, 0), probeMatched);
    }
    int at = pairs;
    for (int i = 0; i < count; i++) {
      at = addPair(probe, at, r, longTable.row(entry, i), probeMatched);
    }
    return at;
  }

  /**
   * Whether a probe row needs only its first match: SEMI and ANTI joins without a residual condition that probe
   * with the left input (building on the left, a probe row marks every matching build row).
   */
  private boolean firstMatchOnly() {
    return !buildLeft && residual == null && semiOrAnti();
  }

  private boolean semiOrAnti() {
    return type == JoinRelType.SEMI || type == JoinRelType.ANTI;
  }

  /** Records the pair (probe row r, build row m), first flushing a full chunk; returns the new pair count. */
  private int addPair(Batch probe, int pairs, int r, int m, boolean[] probeMatched) {
    int at = pairs;
    if (at == PAIR_CHUNK) {
      flushPairs(probe, at, probeMatched);
      at = 0;
    }
    pairProbe[at] = r;
    pairBuild[at] = m;
    return at + 1;
  }

  /** Per row, whether any key column is null; null when no key column has nulls. */
  private static boolean[] anyNullKey(Batch batch, int[] keys) {
    return Nulls.inAny(batch, keys);
  }

  /** Emits the probe rows SEMI/ANTI keep, or the unmatched rows of a LEFT/FULL join padded with nulls. */
  private void emitUnmatchedLeft(Batch probe, boolean[] leftMatched) {
    int n = probe.size();
    if (buildLeft) {
      return;
    }
    if (semiOrAnti()) {
      boolean want = type == JoinRelType.SEMI;
      int[] rows = new int[n];
      int count = 0;
      for (int r = 0; r < n; r++) {
        if (leftMatched[r] == want) {
          rows[count++] = r;
        }
      }
      if (count == n) {
        pending.add(probe);
      } else if (count > 0) {
        pending.add(probe.select(rows, count));
      }
    } else if (type == JoinRelType.LEFT || type == JoinRelType.FULL) {
      int[] rows = new int[n];
      int count = 0;
      for (int r = 0; r < n; r++) {
        if (!leftMatched[r]) {
          rows[count++] = r;
        }
      }
      if (count > 0) {
        Batch l = probe.select(rows, count);
        Column[] cols = new Column[leftWidth + rightWidth];
        for (int c = 0; c < leftWidth; c++) {
          cols[c] = l.column(c);
        }
        for (int c = leftWidth; c < cols.length; c++) {
          cols[c] = Gather.nulls(build.column(c - leftWidth), count);
        }
        pending.add(new Batch(count, cols));
      }
    }
  }

  private void flushPairs(Batch probe, int pairs, boolean[] probeMatched) {
    if (pairs == 0) {
      return;
    }
    Cancellation.check();
    boolean semi = semiOrAnti();
    if (semi && residual == null) {
      // only the marks matter: no joined rows are emitted and no condition reads them
      for (int i = 0; i < pairs; i++) {
        probeMatched[pairProbe[i]] = true;
        buildMatched[pairBuild[i]] = true;
      }
      return;
    }
    Column[] cols = new Column[leftWidth + rightWidth];
    for (int c = 0; c < leftWidth; c++) {
      cols[c] = buildLeft ? buildColumn(c, probe, pairs) : probe.column(c).select(pairProbe, pairs);
    }
    for (int c = 0; c < rightWidth; c++) {
      cols[leftWidth + c] = buildLeft ? probe.column(c).select(pairProbe, pairs) : buildColumn(c, probe, pairs);
    }
    Batch joined = new Batch(pairs, cols);
    Column ok = residual == null ? null : residual.eval(joined);
    int[] keep = ok == null ? null : new int[ok.size()];
    int count = ok == null ? pairs : FilterOperator.selection(ok, keep);
    for (int k = 0; k < count; k++) {
      int i = keep == null ? k : keep[k];
      probeMatched[pairProbe[i]] = true;
      buildMatched[pairBuild[i]] = true;
    }
    if (count > 0 && !semi) {
      pending.add(count == pairs ? joined : joined.select(keep, count));
    }
  }

  /** Build column {@code c} of the pairs: a matched key column's values read from the probe side when equal. */
  private Column buildColumn(int c, Batch probe, int pairs) {
    int key = keyOfBuildColumn[c];
    if (keysFromProbe && key >= 0) {
      return probe.column(probeKeys[key]).select(pairProbe, pairs);
    }
    return build.column(c).select(pairBuild, pairs);
  }

  private void emitUnmatchedRight() {
    if (type != JoinRelType.RIGHT && type != JoinRelType.FULL) {
      return;
    }
    int[] rows = new int[buildRows];
    int count = 0;
    for (int r = 0; r < buildRows; r++) {
      if (!buildMatched[r]) {
        rows[count++] = r;
      }
    }
    if (count > 0) {
      Batch r = build.select(rows, count);
      Column[] cols = new Column[leftWidth + rightWidth];
      for (int c = 0; c < leftWidth; c++) {
        cols[c] = lastProbe == null ? new ObjectColumn(new Object[count]) : Gather.nulls(lastProbe.column(c), count);
      }
      for (int c = 0; c < rightWidth; c++) {
        cols[leftWidth + c] = r.column(c);
      }
      pending.add(new Batch(count, cols));
    }
  }

  /** Building on the left: emits the marked build rows (SEMI) or the unmarked ones (ANTI). */
  private void emitMarkedBuildRows() {
    boolean want = type == JoinRelType.SEMI;
    int[] rows = new int[buildRows];
    int count = 0;
    for (int r = 0; r < buildRows; r++) {
      if (buildMatched[r] == want) {
        rows[count++] = r;
      }
    }
    if (count == buildRows && count > 0) {
      pending.add(build);
    } else if (count > 0) {
      pending.add(build.select(rows, count));
    }
  }

  @Override
  public void close() {
    try {
      if (spilled != null) {
        spilled.close();
      }
    } finally {
      memory.close();
      left.close();
      right.close();
    }
  }
}
