package io.floe.engine.statement;

import io.floe.engine.dml.DeleteRunner;
import io.floe.engine.dml.InsertRunner;
import io.floe.engine.dml.MergeRunner;
import io.floe.engine.dml.UpdateRunner;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;

/** The runners of statements that are not queries, asked in order. */
public final class Statements {
  private static final List<StatementRunner> RUNNERS = List.of(
      // one line per runner
      new io.floe.engine.ddl.SchemaRunner(),
      new io.floe.engine.ddl.CreateTableRunner(),
      new io.floe.engine.ddl.DropTableRunner(),
      new io.floe.engine.ddl.CreateViewRunner(),
      new io.floe.engine.ddl.DropViewRunner(),
      new io.floe.engine.ddl.AlterTableRunner(),
      new io.floe.engine.ddl.ShowRunner(),
      new io.floe.engine.ddl.DescribeRunner(),
      new InsertRunner(),
      new DeleteRunner(),
      new UpdateRunner(),
      new MergeRunner(),
      new io.floe.engine.explain.ExplainPlanRunner(),
      new io.floe.engine.procedure.ProcedureRunner(),
      new io.floe.engine.transaction.TransactionRunner()
  );

  private Statements() {
  }

  /** The runner of {@code statement}, or empty when none accepts it. */
  public static Optional<StatementRunner> runnerFor(SqlNode statement) {
    return RUNNERS.stream().filter(r -> r.accepts(statement)).findFirst();
  }
}
