package io.floe.benchmarks.tpch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a {@link TpchBenchmark} result file ({@code -rf csv -rff tpch.csv}) into a Markdown table: per query the
 * Floe and DuckDB wall-clock and process CPU milliseconds and the Floe/DuckDB ratios, with geometric means over
 * the queries both engines completed (a query without a result shows as failed). Usage: {@code TpchReport tpch.csv}.
 */
public final class TpchReport {
  private TpchReport() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: TpchReport <jmh result csv>");
    }
    System.out.print(table(Files.readAllLines(Path.of(args[0]))));
  }

  /** The Markdown table of the CSV lines of a JMH result. */
  static String table(List<String> csv) {
    Map<String, double[]> byQuery = new TreeMap<>();
    List<String> header = split(csv.get(0));
    int benchmark = header.indexOf("Benchmark");
    int score = header.indexOf("Score");
    int engine = header.indexOf("Param: engine");
    int query = header.indexOf("Param: query");
    for (String line : csv.subList(1, csv.size())) {
      List<String> f = split(line);
      boolean cpu = f.get(benchmark).endsWith(":cpuMs");
      int column = (f.get(engine).equals("floe") ? 0 : 1) + (cpu ? 2 : 0);
      byQuery.computeIfAbsent(f.get(query), q -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN})
          [column] = Double.parseDouble(f.get(score));
    }
    StringBuilder out = new StringBuilder(
        "| query | Floe ms | DuckDB ms | Floe/DuckDB | Floe CPU ms | DuckDB CPU ms | Floe/DuckDB CPU |\n"
            + "|---|---:|---:|---:|---:|---:|---:|\n");
    double logWall = 0;
    double logCpu = 0;
    int walls = 0;
    int cpus = 0;
    for (Map.Entry<String, double[]> e : byQuery.entrySet()) {
      double[] v = e.getValue();
      double wall = v[0] / v[1];
      double cpu = v[2] / v[3];
      if (!Double.isNaN(wall)) {
        logWall += Math.log(wall);
        walls++;
      }
      if (!Double.isNaN(cpu)) {
        logCpu += Math.log(cpu);
        cpus++;
      }
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", e.getKey(), ms(v[0]),
          ms(v[1]), ratio(wall), ms(v[2]), ms(v[3]), ratio(cpu)));
    }
    out.append(String.format(Locale.ROOT, "| geometric mean | | | %s (%d queries) | | | %s (%d queries) |%n",
        ratio(Math.exp(logWall / walls)), walls, ratio(Math.exp(logCpu / cpus)), cpus));
    return out.toString();
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "failed" : String.format(Locale.ROOT, "%.0f", v);
  }

  private static String ratio(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }

  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    for (String f : line.split(",", -1)) {
      out.add(f.startsWith("\"") && f.endsWith("\"") ? f.substring(1, f.length() - 1) : f);
    }
    return out;
  }
}
