package io.floe.engine.ddl;

import io.floe.catalog.TableIdentifier;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.parser.SqlCreateTable;
import io.floe.engine.statement.StatementRunner;
import io.floe.partition.PartitionSpec;
import io.floe.types.Schema;
import java.sql.SQLException;
import java.util.Map;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code CREATE TABLE}, with columns or {@code AS query}: the table is created with its partition spec and
 * properties (the COMMENT as property {@code comment}); a query's rows are appended in one snapshot. A failed
 * CREATE TABLE AS drops the table it created.
 */
public final class CreateTableRunner implements StatementRunner {
  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlCreateTable;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    SqlCreateTable create = (SqlCreateTable) statement;
    Ddl.requireNoTransaction(session, "CREATE TABLE");
    if (create.getReplace()) {
      throw DdlErrors.notSupported("CREATE OR REPLACE TABLE");
    }
    TableIdentifier id = Names.newTable(session, create.name);
    TableIdentifier existing = Names.findTable(session, create.name);
    if (existing != null) {
      if (create.ifNotExists) {
        return QueryResult.ofUpdateCount(0);
      }
      throw new SQLException("table " + existing + " already exists", DdlErrors.TABLE_EXISTS);
    }
    Map<String, String> properties = Ddl.properties(create.properties);
    if (create.comment != null) {
      properties.put(Ddl.COMMENT_PROPERTY, create.commentText());
    }
    if (create.query == null) {
      if (create.columns.isEmpty()) {
        throw DdlErrors.invalid("CREATE TABLE " + id + " needs a column list or AS query");
      }
      Schema schema = Ddl.schema(create.columns, id);
      PartitionSpec spec = PartitionFields.spec(schema, PartitionFields.fields(create.partitionBy, schema, id));
      try {
        session.catalog().createTable(id, schema, spec, properties);
      } catch (RuntimeException e) {
        throw DdlErrors.of(e);
      }
      return QueryResult.ofUpdateCount(0);
    }
    if (!create.columns.isEmpty()) {
      throw DdlErrors.notSupported("a column list with CREATE TABLE AS (name the columns in the query)");
    }
    return CreateTableAsSelect.run(session, id, Ddl.queryText(sql, create.query.getParserPosition()),
        create.partitionBy, properties);
  }
}
