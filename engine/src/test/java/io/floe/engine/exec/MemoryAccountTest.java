package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.expr.SqlStateException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * What a {@link MemoryAccount} holds on a real Arrow allocator: the bytes asked for (even), a part given back without
 * letting go of the rest, and the spillable share.
 */
class MemoryAccountTest {
  private static final long LIMIT = 1L << 20;

  @Test
  void holdsExactlyTheBytesAskedFor() {
    try (BufferAllocator query = new RootAllocator(LIMIT); MemoryAccount account = new MemoryAccount(query, "Sort")) {
      account.hold(300_001);
      assertEquals(300_002, query.getAllocatedMemory(), "rounded up to an even number of bytes");
      account.hold(525_000);
      assertEquals(525_000, query.getAllocatedMemory());
      // Arrow alone would have rounded 525,000 up to 1 MiB, leaving nothing for the next 500,000
      try (MemoryAccount other = new MemoryAccount(query, "HashJoin (build side)")) {
        other.hold(500_000);
        assertEquals(1_025_000, query.getAllocatedMemory());
      }
      account.close();
      assertEquals(0, query.getAllocatedMemory());
    }
  }

  @Test
  void overTheLimitFailsWith53200NamingTheOperatorAndHoldsWhatItHeld() {
    try (BufferAllocator query = new RootAllocator(LIMIT); MemoryAccount account = new MemoryAccount(query, "Window")) {
      account.hold(700_000);
      assertFalse(account.tryHold(LIMIT + 1));
      SqlStateException e = assertThrows(SqlStateException.class, () -> account.hold(LIMIT + 1));
      assertEquals(MemoryAccount.OUT_OF_MEMORY, e.sqlState());
      assertTrue(e.getMessage().contains("in Window"), e.getMessage());
      assertEquals(700_000, query.getAllocatedMemory());
    }
  }

  @Test
  void releasingToAFloorKeepsTheFloorHeld() {
    try (BufferAllocator query = new RootAllocator(LIMIT); MemoryAccount account = new MemoryAccount(query, "Sort")) {
      account.hold(900_000);
      account.releaseTo(262_144);
      assertEquals(262_144, query.getAllocatedMemory());
      account.releaseTo(100_002);
      assertEquals(100_002, query.getAllocatedMemory());
      // what is held again is reserved on top of the floor
      account.hold(600_000);
      assertEquals(600_000, query.getAllocatedMemory());
      account.releaseTo(0);
      assertEquals(0, query.getAllocatedMemory());
    }
  }

  @Test
  void givingBackPartOfAChunkAtTheLimitKeepsTheChunkRatherThanLettingGoFirst() {
    try (BufferAllocator query = new RootAllocator(LIMIT); MemoryAccount account = new MemoryAccount(query, "Sort");
        MemoryAccount other = new MemoryAccount(query, "Scan")) {
      account.hold(LIMIT / 2);
      other.hold(LIMIT / 2);
      // 400,000 of the one 512 KiB reservation cannot be taken before it is given back: it stays held
      account.releaseTo(400_000);
      assertEquals(LIMIT, query.getAllocatedMemory());
      assertFalse(other.tryHold(LIMIT / 2 + 1));
    }
  }

  @Test
  void aSpillableOperatorLeavesAQuarterFreeAndTakesItsShare() {
    try (BufferAllocator query = new RootAllocator(LIMIT); MemoryAccount a = new MemoryAccount(query, "HashAggregate");
        MemoryAccount b = new MemoryAccount(query, "HashAggregate")) {
      long share = LIMIT * 3 / 4 / 2;
      assertFalse(a.tryHoldSpillable(share + 1, 2));
      assertTrue(a.tryHoldSpillable(share, 2));
      assertTrue(b.tryHoldSpillable(share, 2));
      assertEquals(2 * share, query.getAllocatedMemory());
      // the quarter left free is there for a hold of an operator that cannot spill
      assertTrue(a.tryHold(share + LIMIT / 4));
    }
  }
}
