package io.floe.engine.exec.spill;

/**
 * Where an operator spills ({@code directory}), where it counts what it spilled ({@code stats}, per plan node), and
 * how many instances of it run at once ({@code tasks}), sharing the memory of the query that can be spilled.
 */
public record Spilling(SpillDirectory directory, SpillStats stats, int tasks) {
  public Spilling {
    if (tasks < 1) {
      throw new IllegalArgumentException("tasks must be at least 1: " + tasks);
    }
  }
}
