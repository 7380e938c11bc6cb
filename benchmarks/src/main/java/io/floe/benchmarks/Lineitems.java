package io.floe.benchmarks;

import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A deterministic generator of TPC-H {@code lineitem} rows (the 16 columns of the spec, with value ranges and
 * dependencies modelled on dbgen: 1-7 lines per order, extended price from the part's retail price, flags from the
 * dates, dates in 1992-1998, comments from a word list). The same seed always gives the same rows.
 */
final class Lineitems {
  static final String[] INSTRUCTIONS = {"DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"};
  static final String[] MODES = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
  static final String[] WORDS = {"furiously", "quickly", "carefully", "blithely", "slyly", "regular", "final",
      "pending", "express", "ironic", "special", "bold", "even", "silent", "unusual", "packages", "deposits",
      "requests", "accounts", "instructions", "theodolites", "pinto", "beans", "foxes", "ideas", "platelets",
      "asymptotes", "dependencies", "courts", "dolphins", "sleep", "wake", "haggle", "nag", "use", "boost",
      "detect", "integrate", "cajole", "among", "above", "across", "after", "against", "along", "the"};
  static final int START_DAY = (int) LocalDate.of(1992, 1, 1).toEpochDay();
  static final int ORDER_DAYS = (int) (LocalDate.of(1998, 8, 2).toEpochDay() - 151 - START_DAY);
  static final int CURRENT_DAY = (int) LocalDate.of(1995, 6, 17).toEpochDay();
  static final int PARTS = 200_000;
  static final int SUPPLIERS = 10_000;

  private Lineitems() {
  }

  /** One generated row; dates are days from 1970-01-01, decimals are hundredths (decimal(15,2) unscaled). */
  static final class Row {
    long orderkey;
    long partkey;
    long suppkey;
    int linenumber;
    long quantity;
    long extendedprice;
    long discount;
    long tax;
    String returnflag;
    String linestatus;
    int shipdate;
    int commitdate;
    int receiptdate;
    String shipinstruct;
    String shipmode;
    String comment;

    BigDecimal decimal(long hundredths) {
      return BigDecimal.valueOf(hundredths, 2);
    }
  }

  static Schema floeSchema() {
    return new Schema(
        NestedField.required(1, "l_orderkey", Types.LONG),
        NestedField.required(2, "l_partkey", Types.LONG),
        NestedField.required(3, "l_suppkey", Types.LONG),
        NestedField.required(4, "l_linenumber", Types.INT),
        NestedField.required(5, "l_quantity", Types.decimal(15, 2)),
        NestedField.required(6, "l_extendedprice", Types.decimal(15, 2)),
        NestedField.required(7, "l_discount", Types.decimal(15, 2)),
        NestedField.required(8, "l_tax", Types.decimal(15, 2)),
        NestedField.required(9, "l_returnflag", Types.STRING),
        NestedField.required(10, "l_linestatus", Types.STRING),
        NestedField.required(11, "l_shipdate", Types.DATE),
        NestedField.required(12, "l_commitdate", Types.DATE),
        NestedField.required(13, "l_receiptdate", Types.DATE),
        NestedField.required(14, "l_shipinstruct", Types.STRING),
        NestedField.required(15, "l_shipmode", Types.STRING),
        NestedField.required(16, "l_comment", Types.STRING));
  }

  static org.apache.iceberg.Schema icebergSchema() {
    org.apache.iceberg.types.Type money = org.apache.iceberg.types.Types.DecimalType.of(15, 2);
    org.apache.iceberg.types.Type date = org.apache.iceberg.types.Types.DateType.get();
    org.apache.iceberg.types.Type string = org.apache.iceberg.types.Types.StringType.get();
    org.apache.iceberg.types.Type int64 = org.apache.iceberg.types.Types.LongType.get();
    return new org.apache.iceberg.Schema(
        org.apache.iceberg.types.Types.NestedField.required(1, "l_orderkey", int64),
        org.apache.iceberg.types.Types.NestedField.required(2, "l_partkey", int64),
        org.apache.iceberg.types.Types.NestedField.required(3, "l_suppkey", int64),
        org.apache.iceberg.types.Types.NestedField.required(4, "l_linenumber", org.apache.iceberg.types.Types.IntegerType.get()),
        org.apache.iceberg.types.Types.NestedField.required(5, "l_quantity", money),
        org.apache.iceberg.types.Types.NestedField.required(6, "l_extendedprice", money),
        org.apache.iceberg.types.Types.NestedField.required(7, "l_discount", money),
        org.apache.iceberg.types.Types.NestedField.required(8, "l_tax", money),
        org.apache.iceberg.types.Types.NestedField.required(9, "l_returnflag", string),
        org.apache.iceberg.types.Types.NestedField.required(10, "l_linestatus", string),
        org.apache.iceberg.types.Types.NestedField.required(11, "l_shipdate", date),
        org.apache.iceberg.types.Types.NestedField.required(12, "l_commitdate", date),
        org.apache.iceberg.types.Types.NestedField.required(13, "l_receiptdate", date),
        org.apache.iceberg.types.Types.NestedField.required(14, "l_shipinstruct", string),
        org.apache.iceberg.types.Types.NestedField.required(15, "l_shipmode", string),
        org.apache.iceberg.types.Types.NestedField.required(16, "l_comment", string));
  }

  /** Generates {@code rows} rows from {@code seed}, handing each to {@code sink} (the row object is reused). */
  static void generate(long seed, long rows, Consumer<Row> sink) {
    SplittableRandom random = new SplittableRandom(seed);
    Row row = new Row();
    StringBuilder comment = new StringBuilder(64);
    long order = 0;
    long produced = 0;
    while (produced < rows) {
      order++;
      long orderkey = (order - 1) / 8 * 32 + (order - 1) % 8 + 1;
      int orderDate = START_DAY + random.nextInt(ORDER_DAYS);
      int lines = 1 + random.nextInt(7);
      for (int line = 1; line <= lines && produced < rows; line++, produced++) {
        row.orderkey = orderkey;
        row.partkey = 1 + random.nextInt(PARTS);
        row.suppkey = 1 + (row.partkey + random.nextInt(4) * (SUPPLIERS / 4 + (row.partkey - 1) / SUPPLIERS)) % SUPPLIERS;
        row.linenumber = line;
        long quantity = 1 + random.nextInt(50);
        long retailCents = 90_000 + (row.partkey / 10) % 20_001 + 100 * (row.partkey % 1_000);
        row.quantity = quantity * 100;
        row.extendedprice = quantity * retailCents;
        row.discount = random.nextInt(11);
        row.tax = random.nextInt(9);
        row.shipdate = orderDate + 1 + random.nextInt(121);
        row.commitdate = orderDate + 30 + random.nextInt(61);
        row.receiptdate = row.shipdate + 1 + random.nextInt(30);
        row.returnflag = row.receiptdate <= CURRENT_DAY ? (random.nextBoolean() ? "R" : "A") : "N";
        row.linestatus = row.shipdate > CURRENT_DAY ? "O" : "F";
        row.shipinstruct = INSTRUCTIONS[random.nextInt(INSTRUCTIONS.length)];
        row.shipmode = MODES[random.nextInt(MODES.length)];
        comment.setLength(0);
        int length = 10 + random.nextInt(34);
        while (comment.length() < length) {
          if (comment.length() > 0) {
            comment.append(' ');
          }
          comment.append(WORDS[random.nextInt(WORDS.length)]);
        }
        comment.setLength(length);
        row.comment = comment.toString();
        sink.accept(row);
      }
    }
  }
}
