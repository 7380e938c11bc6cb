package io.floe.engine.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.planner.SqlPlanner;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSnapshot;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;

class ParserTest {
  private static SqlNode parse(String sql) throws SqlParseException {
    return SqlPlanner.parse(sql);
  }

  @Test
  void createTableWithEverything() throws SqlParseException {
    SqlCreateTable create = assertInstanceOf(SqlCreateTable.class, parse("""
        CREATE TABLE IF NOT EXISTS db.events (
          id BIGINT NOT NULL COMMENT 'the id',
          ts TIMESTAMP,
          name VARCHAR,
          amount DECIMAL(10, 2) NULL
        ) COMMENT 'events'
        PARTITIONED BY (day(ts), bucket(16, id), truncate(4, name), name, hours(ts))
        WITH ('write.format.default' = 'parquet', "format-version" = 2, owner.name = x)"""));
    assertTrue(create.ifNotExists);
    assertEquals(List.of("db", "events"), create.name.names);
    assertEquals(4, create.columns.size());
    SqlColumnDefinition id = (SqlColumnDefinition) create.columns.get(0);
    assertEquals("id", id.name.getSimple());
    assertTrue(id.notNull);
    assertEquals("the id", id.commentText());
    SqlColumnDefinition amount = (SqlColumnDefinition) create.columns.get(3);
    assertFalse(amount.notNull);
    assertEquals("DECIMAL", amount.type.getTypeName().getSimple());
    assertEquals("events", create.commentText());
    assertEquals(5, create.partitionBy.size());
    SqlCall day = (SqlCall) create.partitionBy.get(0);
    assertEquals("day", day.getOperator().getName());
    SqlCall bucket = (SqlCall) create.partitionBy.get(1);
    assertEquals("bucket", bucket.getOperator().getName());
    assertEquals("16", bucket.operand(0).toString());
    assertEquals("truncate", ((SqlCall) create.partitionBy.get(2)).getOperator().getName());
    assertInstanceOf(SqlIdentifier.class, create.partitionBy.get(3));
    assertEquals(3, create.properties.size());
    assertEquals(SqlKind.EQUALS, create.properties.get(0).getKind());
    assertNull(create.query);
  }

  @Test
  void createTableAsSelectAndSchema() throws SqlParseException {
    SqlCreateTable ctas = assertInstanceOf(SqlCreateTable.class,
        parse("CREATE TABLE t2 PARTITIONED BY (k) AS SELECT k, count(*) AS n FROM t GROUP BY k"));
    assertTrue(ctas.columns.isEmpty());
    assertInstanceOf(SqlSelect.class, ctas.query);
    SqlCreateSchema schema = assertInstanceOf(SqlCreateSchema.class,
        parse("CREATE SCHEMA IF NOT EXISTS sales WITH (owner = 'me')"));
    assertTrue(schema.ifNotExists);
    assertEquals("sales", schema.name.getSimple());
  }

  @Test
  void drops() throws SqlParseException {
    SqlDropTable drop = assertInstanceOf(SqlDropTable.class, parse("DROP TABLE IF EXISTS s.t PURGE"));
    assertTrue(drop.ifExists);
    assertTrue(drop.purge);
    SqlDropSchema dropSchema = assertInstanceOf(SqlDropSchema.class, parse("DROP SCHEMA s CASCADE"));
    assertFalse(dropSchema.ifExists);
    assertTrue(dropSchema.cascade);
  }

  @Test
  void alterTableForms() throws SqlParseException {
    assertEquals(SqlAlterTable.Action.ADD_COLUMN,
        alter("ALTER TABLE t ADD COLUMN c INT COMMENT 'new'").action);
    assertEquals(SqlAlterTable.Action.ADD_COLUMN, alter("ALTER TABLE t ADD c INT").action);
    assertEquals(SqlAlterTable.Action.DROP_COLUMN, alter("ALTER TABLE t DROP COLUMN c").action);
    SqlAlterTable rename = alter("ALTER TABLE t RENAME COLUMN a TO b");
    assertEquals("a", rename.column.getSimple());
    assertEquals("b", rename.newName.getSimple());
    assertEquals(SqlAlterTable.Action.RENAME_TABLE, alter("ALTER TABLE t RENAME TO s.u").action);
    assertEquals("BIGINT", alter("ALTER TABLE t ALTER COLUMN c TYPE BIGINT").type.getTypeName().getSimple());
    assertEquals(SqlAlterTable.Action.ALTER_COLUMN_TYPE, alter("ALTER TABLE t ALTER c SET DATA TYPE DOUBLE").action);
    assertEquals(2, alter("ALTER TABLE t SET PARTITIONING (month(ts), id)").partitionBy.size());
    assertEquals(0, alter("ALTER TABLE t SET PARTITIONING ()").partitionBy.size());
    assertEquals(2, alter("ALTER TABLE t SET PROPERTIES a = 'x', 'b.c' = 1").properties.size());
    assertEquals(1, alter("ALTER TABLE t SET PROPERTIES ('a' = 'x')").properties.size());
  }

  private static SqlAlterTable alter(String sql) throws SqlParseException {
    return assertInstanceOf(SqlAlterTable.class, parse(sql));
  }

  @Test
  void showAndDescribe() throws SqlParseException {
    assertEquals(SqlShow.What.SCHEMAS, ((SqlShow) parse("SHOW SCHEMAS")).what);
    SqlShow tables = (SqlShow) parse("SHOW TABLES IN sales");
    assertEquals(SqlShow.What.TABLES, tables.what);
    assertEquals("sales", tables.name.getSimple());
    assertNull(((SqlShow) parse("SHOW TABLES")).name);
    SqlShow create = (SqlShow) parse("SHOW CREATE TABLE sales.orders");
    assertEquals(SqlShow.What.CREATE_TABLE, create.what);
    assertEquals(List.of("sales", "orders"), create.name.names);
    assertInstanceOf(SqlDescribeTable.class, parse("DESCRIBE sales.orders"));
    assertInstanceOf(SqlDescribeTable.class, parse("DESCRIBE TABLE orders"));
    assertInstanceOf(SqlDescribeTable.class, parse("DESCRIBE TABLE a"));
  }

  @Test
  void callWithNamedAndPositionalArguments() throws SqlParseException {
    SqlCallProcedure call = assertInstanceOf(SqlCallProcedure.class, parse(
        "CALL system.expire_snapshots(table => 'db.t', older_than => TIMESTAMP '2024-01-01 00:00:00', retain_last => 5)"));
    assertEquals(List.of("system", "expire_snapshots"), call.name.names);
    assertEquals(3, call.arguments.size());
    SqlBasicCall table = (SqlBasicCall) call.arguments.get(0);
    assertEquals(SqlKind.ARGUMENT_ASSIGNMENT, table.getKind());
    assertEquals("table", ((SqlIdentifier) table.operand(1)).getSimple());
    SqlCallProcedure positional = assertInstanceOf(SqlCallProcedure.class,
        parse("CALL rollback_to_snapshot('db.t', 123)"));
    assertEquals(List.of("rollback_to_snapshot"), positional.name.names);
    assertEquals(SqlKind.LITERAL, positional.arguments.get(1).getKind());
    SqlCallProcedure reservedNames = assertInstanceOf(SqlCallProcedure.class,
        parse("CALL system.fast_forward(table => 't', branch => 'main', to => 'dev')"));
    assertEquals("to", ((SqlIdentifier) ((SqlCall) reservedNames.arguments.get(2)).operand(1)).getSimple());
    assertEquals(0, ((SqlCallProcedure) parse("CALL system.noop()")).arguments.size());
  }

  @Test
  void transactionControl() throws SqlParseException {
    assertEquals(SqlTransactionControl.Action.BEGIN, ((SqlTransactionControl) parse("BEGIN")).action);
    assertEquals(SqlTransactionControl.Action.BEGIN, ((SqlTransactionControl) parse("START TRANSACTION")).action);
    assertEquals(SqlTransactionControl.Action.BEGIN, ((SqlTransactionControl) parse("BEGIN TRANSACTION")).action);
    assertEquals(SqlTransactionControl.Action.COMMIT, ((SqlTransactionControl) parse("COMMIT")).action);
    assertEquals(SqlTransactionControl.Action.ROLLBACK, ((SqlTransactionControl) parse("ROLLBACK WORK")).action);
  }

  @Test
  void forVersionAsOf() throws SqlParseException {
    SqlSelect select = (SqlSelect) parse("SELECT * FROM t FOR VERSION AS OF 123 WHERE id > 1");
    SqlSnapshot snapshot = assertInstanceOf(SqlSnapshot.class, select.getFrom());
    SqlCall period = (SqlCall) snapshot.getPeriod();
    assertEquals(VersionAsOf.OPERATOR, period.getOperator());
    assertEquals("123", period.operand(0).toString());
    SqlSelect tag = (SqlSelect) parse("SELECT * FROM s.t FOR VERSION AS OF 'v1' AS x");
    assertEquals(SqlKind.AS, tag.getFrom().getKind());
    SqlSelect systemTime = (SqlSelect) parse("SELECT * FROM t FOR SYSTEM_TIME AS OF TIMESTAMP '2024-01-01 00:00:00'");
    assertEquals(SqlKind.LITERAL, ((SqlSnapshot) systemTime.getFrom()).getPeriod().getKind());
  }

  @Test
  void newKeywordsRemainUsableAsNames() throws SqlParseException {
    SqlSelect select = (SqlSelect) parse("SELECT comment, purge, properties, partitioned FROM tables");
    assertEquals(4, select.getSelectList().size());
    assertInstanceOf(SqlCreateTable.class, parse("CREATE TABLE schemas (comment VARCHAR, rename INT)"));
  }

  @Test
  void syntaxErrorsCarryLineAndColumn() {
    SqlParseException e = assertThrows(SqlParseException.class,
        () -> parse("CREATE TABLE t (\n  id BIGINT NOT NULL,\n  ts TIMESTAMP COMMENTS 'x')"));
    assertEquals(3, e.getPos().getLineNum());
    assertEquals(16, e.getPos().getColumnNum());
    SqlParseException partition = assertThrows(SqlParseException.class,
        () -> parse("CREATE TABLE t (id INT) PARTITIONED BY (bucket(16 id))"));
    assertEquals(1, partition.getPos().getLineNum());
    assertEquals(51, partition.getPos().getColumnNum());
    SqlParseException alter = assertThrows(SqlParseException.class, () -> parse("ALTER TABLE t FROB c"));
    assertEquals(15, alter.getPos().getColumnNum());
  }

  @Test
  void mergeWithOrderedConditionalClauses() throws SqlParseException {
    SqlMergeStatement merge = assertInstanceOf(SqlMergeStatement.class, parse("""
        MERGE INTO t AS a USING s ON a.id = s.id
        WHEN MATCHED AND s.gone THEN DELETE
        WHEN MATCHED AND a.v < s.v THEN UPDATE SET v = s.v, w = 1
        WHEN MATCHED THEN DELETE
        WHEN NOT MATCHED AND s.v > 0 THEN INSERT (id, v) VALUES (s.id, s.v)
        WHEN NOT MATCHED THEN INSERT VALUES (s.id, 0, 0)"""));
    assertEquals("a", merge.alias.getSimple().toLowerCase(java.util.Locale.ROOT));
    assertEquals(5, merge.clauses.size());
    assertEquals(List.of(SqlMergeWhen.Action.DELETE, SqlMergeWhen.Action.UPDATE, SqlMergeWhen.Action.DELETE,
            SqlMergeWhen.Action.INSERT, SqlMergeWhen.Action.INSERT),
        merge.clauses.stream().map(c -> c.action).toList());
    assertEquals(2, merge.clauses.get(1).update.getTargetColumnList().size());
    assertNull(merge.clauses.get(2).condition);
    assertEquals(2, merge.clauses.get(3).insert.getTargetColumnList().size());
    assertNull(merge.clauses.get(4).insert.getTargetColumnList());
    assertTrue(merge.clauses.get(0).matched());
    assertFalse(merge.clauses.get(3).matched());
    String unparsed = merge.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    SqlMergeStatement again = assertInstanceOf(SqlMergeStatement.class, parse(unparsed));
    assertEquals(unparsed, again.toSqlString(CalciteSqlDialect.DEFAULT).getSql());
    // Calcite's two-clause form parses into the same node
    SqlMergeStatement stock = assertInstanceOf(SqlMergeStatement.class, parse(
        "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v "
            + "WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)"));
    assertEquals(2, stock.clauses.size());
    SqlParseException missingAction = assertThrows(SqlParseException.class,
        () -> parse("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN INSERT (id) VALUES (1)"));
    assertEquals(1, missingAction.getPos().getLineNum());
    assertEquals(55, missingAction.getPos().getColumnNum());
  }
}
