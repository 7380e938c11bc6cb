package io.floe.engine.tpch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random SQL over the TPC-H tables, the same query for the same seed: joins of every type along the schema's keys
 * (with extra ON conditions), filters (comparisons, BETWEEN, IN lists, LIKE, IS NULL, OR, NOT), expressions with
 * NULLs (CASE, COALESCE, SUBSTRING, EXTRACT, arithmetic), grouped and global aggregates (DISTINCT too, HAVING),
 * window functions with ROWS frames, IN and NOT IN subqueries, EXISTS and NOT EXISTS, correlated scalar subqueries,
 * set operations, SELECT DISTINCT and aggregates over aggregates. What Calcite's dialect and DuckDB's read alike:
 * no division, no AVG of integers.
 */
final class RandomQueryGenerator {
  private record Column(String name, String kind) {
  }

  private static final Map<String, List<Column>> TABLES = new LinkedHashMap<>();
  /** Join edges: table, column, table, column (none many-to-many: the joins stay within the tables' sizes). */
  private static final String[][] EDGES = {
      {"lineitem", "l_orderkey", "orders", "o_orderkey"}, {"orders", "o_custkey", "customer", "c_custkey"},
      {"lineitem", "l_partkey", "part", "p_partkey"}, {"lineitem", "l_suppkey", "supplier", "s_suppkey"},
      {"customer", "c_nationkey", "nation", "n_nationkey"}, {"supplier", "s_nationkey", "nation", "n_nationkey"},
      {"partsupp", "ps_partkey", "part", "p_partkey"}, {"partsupp", "ps_suppkey", "supplier", "s_suppkey"}};
  private static final String[] KINDS = {"int", "dec", "date", "str"};
  private static final String[] STRINGS = {"'R'", "'F'", "'O'", "'AIR'", "'MAIL'", "'BUILDING'", "'Brand#23'",
      "'GERMANY'", "'1-URGENT'", "'N'", "'A'"};

  static {
    table("lineitem", "l_orderkey:int", "l_partkey:int", "l_suppkey:int", "l_linenumber:int", "l_quantity:dec",
        "l_extendedprice:dec", "l_discount:dec", "l_tax:dec", "l_returnflag:str", "l_linestatus:str",
        "l_shipdate:date", "l_commitdate:date", "l_shipmode:str");
    table("orders", "o_orderkey:int", "o_custkey:int", "o_orderstatus:str", "o_totalprice:dec", "o_orderdate:date",
        "o_orderpriority:str", "o_shippriority:int");
    table("customer", "c_custkey:int", "c_nationkey:int", "c_acctbal:dec", "c_mktsegment:str", "c_name:str");
    table("part", "p_partkey:int", "p_brand:str", "p_type:str", "p_size:int", "p_retailprice:dec",
        "p_container:str");
    table("supplier", "s_suppkey:int", "s_nationkey:int", "s_acctbal:dec", "s_name:str");
    table("partsupp", "ps_partkey:int", "ps_suppkey:int", "ps_availqty:int", "ps_supplycost:dec");
    table("nation", "n_nationkey:int", "n_regionkey:int", "n_name:str");
  }

  private static void table(String name, String... columns) {
    List<Column> list = new ArrayList<>();
    for (String c : columns) {
      String[] parts = c.split(":");
      list.add(new Column(parts[0], parts[1]));
    }
    TABLES.put(name, list);
  }

  private final Random random;

  private RandomQueryGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** The query of {@code seed}. */
  static String query(long seed) {
    return new RandomQueryGenerator(seed).query();
  }

  private String query() {
    List<String> tables = new ArrayList<>();
    String start = new ArrayList<>(TABLES.keySet()).get(random.nextInt(TABLES.size()));
    tables.add(start);
    StringBuilder from = new StringBuilder(start);
    int joins = random.nextInt(4);
    for (int i = 0; i < joins; i++) {
      List<String[]> candidates = new ArrayList<>();
      for (String[] e : EDGES) {
        if (tables.contains(e[0]) && !tables.contains(e[2])) {
          candidates.add(e);
        }
        if (tables.contains(e[2]) && !tables.contains(e[0])) {
          candidates.add(new String[] {e[2], e[3], e[0], e[1]});
        }
      }
      if (candidates.isEmpty()) {
        break;
      }
      String[] e = candidates.get(random.nextInt(candidates.size()));
      tables.add(e[2]);
      String[] types = {"JOIN", "JOIN", "JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN"};
      String on = e[1] + " = " + e[3];
      if (random.nextInt(5) == 0) {
        on += " AND " + predicate(TABLES.get(e[2]));
      }
      from.append(' ').append(types[random.nextInt(types.length)]).append(' ').append(e[2]).append(" ON ")
          .append(on);
    }
    List<Column> columns = new ArrayList<>();
    for (String t : tables) {
      columns.addAll(TABLES.get(t));
    }
    StringBuilder where = new StringBuilder();
    int predicates = random.nextInt(3);
    for (int i = 0; i < predicates; i++) {
      where.append(i == 0 ? " WHERE " : " AND ").append(predicate(columns));
    }
    if (random.nextInt(6) == 0) {
      String[] e = EDGES[random.nextInt(EDGES.length)];
      if (tables.contains(e[0]) && !tables.contains(e[2])) {
        where.append(where.length() == 0 ? " WHERE " : " AND ").append(random.nextBoolean() ? "" : "NOT ")
            .append("EXISTS (SELECT 1 FROM ").append(e[2]).append(" WHERE ").append(e[3]).append(" = ").append(e[1])
            .append(" AND ").append(predicate(TABLES.get(e[2]))).append(')');
      }
    }
    String body = " FROM " + from + where;
    String shaped = shaped(random.nextInt(9), tables, columns, body, from.toString(), where.toString());
    return shaped != null ? shaped : grouped(columns, body);
  }

  /** The query of shape {@code shape}, or null when the tables do not suit it (then a grouped aggregate). */
  private String shaped(int shape, List<String> tables, List<Column> columns, String body, String from,
      String where) {
    switch (shape) {
      case 0:
        return plain(columns, body);
      case 3:
        return window(columns, body);
      case 4:
        return inSubquery(tables, body, where);
      case 5:
        return scalarSubquery(tables, body);
      case 6:
        return setOperation(columns, body, from);
      case 7:
        return distinct(columns, body);
      case 8:
        return aggregateOfAggregate(columns, body);
      default:
        return null;
    }
  }

  private String plain(List<Column> columns, String body) {
    List<String> out = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      String x = expression(columns, KINDS[random.nextInt(KINDS.length)]);
      if (x != null) {
        out.add(x + " AS c" + i);
      }
    }
    return out.isEmpty() ? null : "SELECT " + String.join(", ", out) + body;
  }

  private String window(List<Column> columns, String body) {
    Column partition = columns.get(random.nextInt(columns.size()));
    Column order = columns.get(random.nextInt(columns.size()));
    Column value = null;
    for (Column c : columns) {
      if ((c.kind().equals("dec") || c.kind().equals("int")) && (value == null || random.nextInt(3) == 0)) {
        value = c;
      }
    }
    String[] functions = {"row_number()", "rank()", "dense_rank()", "count(*)", "sum(" + value.name() + ")",
        "min(" + value.name() + ")", "max(" + value.name() + ")"};
    String function = functions[random.nextInt(functions.length)];
    boolean ranking = function.contains("rank") || function.contains("row_number");
    String frame = !ranking && random.nextBoolean() ? " ROWS BETWEEN " + (random.nextBoolean() ? "UNBOUNDED" : "2")
        + " PRECEDING AND " + (random.nextBoolean() ? "CURRENT ROW" : "1 FOLLOWING") : "";
    StringBuilder orderBy = new StringBuilder(order.name());
    if (function.startsWith("row_number") || !frame.isEmpty()) {
      // a total order: the result does not depend on how ties are broken
      for (Column c : columns) {
        orderBy.append(", ").append(c.name());
      }
    }
    return "SELECT " + partition.name() + " AS k, " + order.name() + " AS o, " + function + " OVER (PARTITION BY "
        + partition.name() + " ORDER BY " + orderBy + frame + ") AS w" + body;
  }

  private String inSubquery(List<String> tables, String body, String where) {
    for (String[] e : EDGES) {
      if (tables.contains(e[0]) && random.nextBoolean()) {
        Column key = column(e[0], e[1]);
        String selected = random.nextInt(3) == 0 ? withNulls(key).replace(e[1], e[3]) : e[3];
        String test = e[1] + (random.nextBoolean() ? " NOT IN " : " IN ") + "(SELECT " + selected + " FROM " + e[2]
            + " WHERE " + predicate(TABLES.get(e[2])) + ")";
        return "SELECT " + e[1] + " AS k, count(*) AS n" + body + (where.isEmpty() ? " WHERE " : " AND ") + test
            + " GROUP BY " + e[1];
      }
    }
    return null;
  }

  private String scalarSubquery(List<String> tables, String body) {
    for (String[] e : EDGES) {
      if (tables.contains(e[0]) && random.nextBoolean()) {
        Column value = null;
        for (Column c : TABLES.get(e[2])) {
          if (c.kind().equals("dec") || c.kind().equals("int")) {
            value = c;
          }
        }
        String aggregate = random.nextBoolean() ? "count(*)" : "sum(" + value.name() + ")";
        return "SELECT " + e[1] + " AS k, (SELECT " + aggregate + " FROM " + e[2] + " WHERE " + e[3] + " = " + e[1]
            + " AND " + predicate(TABLES.get(e[2])) + ") AS s" + body;
      }
    }
    return null;
  }

  private String setOperation(List<Column> columns, String body, String from) {
    String x = expression(columns, KINDS[random.nextInt(KINDS.length)]);
    if (x == null) {
      return null;
    }
    String[] operations = {"UNION", "UNION ALL", "INTERSECT", "EXCEPT"};
    return "SELECT " + x + " AS c" + body + " " + operations[random.nextInt(operations.length)] + " SELECT " + x
        + " AS c FROM " + from + " WHERE " + predicate(columns);
  }

  private String distinct(List<Column> columns, String body) {
    List<String> out = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      String x = expression(columns, new String[] {"int", "date", "str"}[random.nextInt(3)]);
      if (x != null) {
        out.add(x + " AS c" + i);
      }
    }
    return out.isEmpty() ? null : "SELECT DISTINCT " + String.join(", ", out) + body;
  }

  private String aggregateOfAggregate(List<Column> columns, String body) {
    String key = expression(columns, "int");
    String outerKey = expression(columns, "str");
    if (key == null || outerKey == null) {
      return null;
    }
    return "SELECT k2, count(*) AS n, sum(m) AS s, max(m) AS mx FROM (SELECT " + key + " AS k, " + outerKey
        + " AS k2, " + aggregate(columns) + " AS m" + body + " GROUP BY 1, 2) GROUP BY k2";
  }

  private String grouped(List<Column> columns, String body) {
    List<String> keys = new ArrayList<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      String x = expression(columns, new String[] {"int", "date", "str", "str"}[random.nextInt(4)]);
      if (x != null && !keys.contains(x)) {
        keys.add(x);
      }
    }
    List<String> select = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      select.add(keys.get(i) + " AS k" + i);
    }
    int aggregates = 1 + random.nextInt(3);
    for (int i = 0; i < aggregates; i++) {
      select.add(aggregate(columns) + " AS a" + i);
    }
    String sql = "SELECT " + String.join(", ", select) + body;
    if (!keys.isEmpty()) {
      List<String> positions = new ArrayList<>();
      for (int i = 1; i <= keys.size(); i++) {
        positions.add(Integer.toString(i));
      }
      sql += " GROUP BY " + String.join(", ", positions);
      if (random.nextInt(4) == 0) {
        sql += " HAVING count(*) > " + random.nextInt(3);
      }
    }
    return sql;
  }

  private String literal(Column c) {
    switch (c.kind()) {
      case "int":
        int bound = c.name().endsWith("nationkey") ? 25 : c.name().contains("line") ? 7
            : c.name().contains("size") ? 50 : 30000;
        return Integer.toString(random.nextInt(bound));
      case "dec":
        return random.nextInt(5000) + "." + random.nextInt(10) + "0";
      case "date":
        return "DATE '199" + (2 + random.nextInt(7)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9) + "'";
      default:
        return STRINGS[random.nextInt(STRINGS.length)];
    }
  }

  private String predicate(List<Column> columns) {
    Column c = columns.get(random.nextInt(columns.size()));
    String x = c.name();
    switch (random.nextInt(9)) {
      case 0:
        return x + " IS NULL";
      case 1:
        return x + " IS NOT NULL";
      case 2:
        return x + " BETWEEN " + literal(c) + " AND " + literal(c);
      case 3:
        return x + " IN (" + literal(c) + ", " + literal(c) + ", " + literal(c) + ")";
      case 4:
        if (c.kind().equals("str")) {
          return x + " LIKE '%" + "AEIOU".charAt(random.nextInt(5)) + "%'";
        }
        return x + " = " + literal(c);
      case 5:
        return "NOT (" + x + " < " + literal(c) + ")";
      case 6:
        return "(" + predicate(columns) + " OR " + predicate(columns) + ")";
      default:
        String[] operators = {"<", "<=", ">", ">=", "=", "<>"};
        return x + " " + operators[random.nextInt(operators.length)] + " " + literal(c);
    }
  }

  /** {@code c}, NULL where a random predicate on it holds. */
  private String withNulls(Column c) {
    return "CASE WHEN " + predicate(List.of(c)) + " THEN NULL ELSE " + c.name() + " END";
  }

  private String expression(List<Column> columns, String kind) {
    List<Column> ofKind = new ArrayList<>();
    for (Column c : columns) {
      if (c.kind().equals(kind)) {
        ofKind.add(c);
      }
    }
    if (ofKind.isEmpty()) {
      return null;
    }
    Column c = ofKind.get(random.nextInt(ofKind.size()));
    boolean numeric = kind.equals("int") || kind.equals("dec");
    switch (random.nextInt(6)) {
      case 0:
        return withNulls(c);
      case 1:
        return numeric ? c.name() + " " + "+-*".charAt(random.nextInt(3)) + " "
            + ofKind.get(random.nextInt(ofKind.size())).name() : c.name();
      case 2:
        return "COALESCE(" + withNulls(c) + ", " + literal(c) + ")";
      case 3:
        return kind.equals("str") ? "SUBSTRING(" + c.name() + " FROM 1 FOR 2)"
            : kind.equals("date") ? "EXTRACT(YEAR FROM " + c.name() + ")" : c.name();
      default:
        return c.name();
    }
  }

  private String aggregate(List<Column> columns) {
    for (int tries = 0; tries < 10; tries++) {
      String kind = KINDS[random.nextInt(KINDS.length)];
      String e = expression(columns, kind);
      if (e == null) {
        continue;
      }
      boolean numeric = kind.equals("int") || kind.equals("dec");
      switch (random.nextInt(8)) {
        case 0:
          return "count(*)";
        case 1:
          return "count(" + e + ")";
        case 2:
          return "count(DISTINCT " + e + ")";
        case 3:
          return numeric ? "sum(" + e + ")" : "min(" + e + ")";
        case 4:
          return numeric ? "sum(DISTINCT " + e + ")" : "max(" + e + ")";
        case 5:
          return "min(" + e + ")";
        case 6:
          return "max(" + e + ")";
        default:
          return numeric ? "sum(CASE WHEN " + predicate(columns) + " THEN " + e + " ELSE 0 END)" : "count(*)";
      }
    }
    return "count(*)";
  }

  private static Column column(String table, String name) {
    for (Column c : TABLES.get(table)) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException(table + "." + name);
  }
}
