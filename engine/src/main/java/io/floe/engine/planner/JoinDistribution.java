package io.floe.engine.planner;

import io.floe.engine.exchange.BroadcastDistribution;
import io.floe.engine.exchange.Distribution;
import io.floe.engine.exchange.HashDistribution;
import io.floe.engine.exchange.HeavyKeys;
import io.floe.engine.exchange.ReplicatedDistribution;
import io.floe.engine.exchange.RoundRobinDistribution;
import io.floe.engine.exchange.SaltedDistribution;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.apache.calcite.rel.core.JoinRelType;

/**
 * How an equi-join runs on several tasks, chosen from row estimates: BROADCAST replicates the build (right) side
 * to every task and splits the probe side round-robin; PARTITIONED hash-repartitions both sides by the join keys,
 * salting heavy-hitter keys of one side when skew salting is on.
 *
 * <p>Broadcast needs a build side whose unmatched rows are not emitted (INNER, LEFT, SEMI, ANTI). Salting spreads
 * the side whose every row must reach exactly one task and replicates the other: the left side for INNER (or the
 * right when it is larger), LEFT, SEMI and ANTI, the right side for RIGHT; FULL joins are never salted.
 */
public record JoinDistribution(Strategy strategy, Salted salted, double leftRows, double rightRows,
    String reason) {

  /** The distribution strategies. */
  public enum Strategy { BROADCAST, PARTITIONED }

  /** Which side a partitioned join salts. */
  public enum Salted { NONE, LEFT, RIGHT }

  private static final Set<JoinRelType> BROADCASTABLE =
      EnumSet.of(JoinRelType.INNER, JoinRelType.LEFT, JoinRelType.SEMI, JoinRelType.ANTI);

  /** The distribution of a join of {@code type} with the estimated input rows. */
  static JoinDistribution choose(JoinRelType type, double leftRows, double rightRows, DistributionSettings settings) {
    return choose(type, leftRows, rightRows, side -> false, settings);
  }

  /**
   * The distribution of a join of {@code type} with the estimated input rows, where {@code uniqueKeys} says whether
   * a side's join keys are unique (asked only of the side that would be salted): a side with unique keys has no
   * heavy key, so it is not salted (which would start it before the build side and let its rows pass the join key
   * filter unchecked).
   */
  static JoinDistribution choose(JoinRelType type, double leftRows, double rightRows, Predicate<Salted> uniqueKeys,
      DistributionSettings settings) {
    String estimates = String.format("estimated rows left %.0f, right %.0f", leftRows, rightRows);
    if (BROADCASTABLE.contains(type) && rightRows <= settings.broadcastRowLimit()) {
      return new JoinDistribution(Strategy.BROADCAST, Salted.NONE, leftRows, rightRows,
          estimates + " <= broadcast limit " + settings.broadcastRowLimit());
    }
    String why = BROADCASTABLE.contains(type) ? estimates + " > broadcast limit " + settings.broadcastRowLimit()
        : estimates + "; " + type + " join keeps unmatched build rows";
    Salted salted = Salted.NONE;
    if (settings.skew().enabled()) {
      switch (type) {
        case INNER:
          salted = rightRows > leftRows ? Salted.RIGHT : Salted.LEFT;
          break;
        case LEFT:
        case SEMI:
        case ANTI:
          salted = Salted.LEFT;
          break;
        case RIGHT:
          salted = Salted.RIGHT;
          break;
        default:
          salted = Salted.NONE;
      }
    }
    if (salted != Salted.NONE && uniqueKeys.test(salted)) {
      why += "; no skew salting: the " + salted.name().toLowerCase() + " side's keys are unique";
      salted = Salted.NONE;
    }
    return new JoinDistribution(Strategy.PARTITIONED, salted, leftRows, rightRows, why);
  }

  /**
   * A SEMI or ANTI join building on its left input: both sides hash-partitioned by the keys, never salted, so each
   * task sees every right row of its left rows' keys and its marks are complete.
   */
  static JoinDistribution partitionedBuildingLeft(JoinRelType type, double leftRows, double rightRows) {
    return new JoinDistribution(Strategy.PARTITIONED, Salted.NONE, leftRows, rightRows, String.format(
        "estimated rows left %.0f, right %.0f; %s join building on the left marks its rows per partition",
        leftRows, rightRows, type));
  }

  /** Fresh distributions of the left and right inputs (distributions hold per-run state). */
  List<Distribution> distributions(int[] leftKeys, int[] rightKeys, DistributionSettings settings) {
    return distributions(leftKeys, rightKeys, settings, null);
  }

  /**
   * Fresh distributions of the left and right inputs of one producer each; a salted join's runs
   * {@code onHeavyKeysDecided} (null: nothing) once its heavy keys are decided, when its build side no longer needs
   * its probe side.
   */
  List<Distribution> distributions(int[] leftKeys, int[] rightKeys, DistributionSettings settings,
      Runnable onHeavyKeysDecided) {
    List<IntFunction<Distribution>> sides = perProducer(leftKeys, rightKeys, settings, onHeavyKeysDecided, 1);
    return List.of(sides.get(0).apply(0), sides.get(1).apply(0));
  }

  /**
   * For the left and the right input, producer p's fresh distribution (distributions hold per-run state). The
   * producers of a salted join's two sides share one decision of the heavy keys, sampled from the rows of the
   * {@code saltedProducers} producers of the salted side; {@code onHeavyKeysDecided} (null: nothing) runs once it is
   * made.
   */
  List<IntFunction<Distribution>> perProducer(int[] leftKeys, int[] rightKeys, DistributionSettings settings,
      Runnable onHeavyKeysDecided, int saltedProducers) {
    if (strategy == Strategy.BROADCAST) {
      return List.of(p -> new RoundRobinDistribution(), p -> new BroadcastDistribution());
    }
    if (salted == Salted.NONE) {
      return List.of(p -> new HashDistribution(leftKeys), p -> new HashDistribution(rightKeys));
    }
    HeavyKeys heavy = new HeavyKeys(settings.skew(), saltedProducers);
    if (onHeavyKeysDecided != null) {
      heavy.whenDecided(onHeavyKeysDecided);
    }
    IntFunction<Distribution> left = salted == Salted.LEFT
        ? p -> new SaltedDistribution(leftKeys, settings.skew(), heavy)
        : p -> new ReplicatedDistribution(leftKeys, heavy);
    IntFunction<Distribution> right = salted == Salted.RIGHT
        ? p -> new SaltedDistribution(rightKeys, settings.skew(), heavy)
        : p -> new ReplicatedDistribution(rightKeys, heavy);
    return List.of(left, right);
  }

  /** The strategy for EXPLAIN. */
  public String describe() {
    String name = strategy == Strategy.BROADCAST ? "broadcast join" : "partitioned join";
    String salt = salted == Salted.NONE ? "" : ", skew salting on the " + salted.name().toLowerCase() + " side";
    return name + salt + " (" + reason + ")";
  }
}
