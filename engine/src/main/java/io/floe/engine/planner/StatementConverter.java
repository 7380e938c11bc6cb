package io.floe.engine.planner;

import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalciteSqlValidator;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.ValidationException;

/**
 * Validates one parsed statement and converts it to relational algebra, as Calcite's {@code Planner} does, except
 * that ROW values stay whole. Calcite's planner flattens every ROW column into its fields after conversion, and
 * rebuilds the ROW from them where it is returned: a NULL ROW comes back as a ROW of NULLs, and a GROUP BY of a
 * ROW groups by its first field only. The engine evaluates ROW values as values ({@code NestedValues}).
 */
final class StatementConverter {
  private final FrameworkConfig config;
  private final RelOptCluster cluster;
  private final CalciteCatalogReader catalogReader;
  private final SqlValidator validator;

  /** A converter of one statement with {@code config}'s schema, operators, type system and executor. */
  StatementConverter(FrameworkConfig config) {
    this.config = config;
    JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(config.getTypeSystem());
    VolcanoPlanner planner = new VolcanoPlanner(config.getCostFactory(), config.getContext());
    planner.setExecutor(config.getExecutor());
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    this.cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
    CalciteConnectionConfig connection = ((CalciteConnectionConfigImpl) CalciteConnectionConfig.DEFAULT)
        .set(CalciteConnectionProperty.CASE_SENSITIVE, String.valueOf(config.getParserConfig().caseSensitive()))
        .set(CalciteConnectionProperty.CONFORMANCE, String.valueOf(config.getParserConfig().conformance()));
    SchemaPlus defaultSchema = config.getDefaultSchema();
    SchemaPlus root = defaultSchema;
    while (root.getParentSchema() != null) {
      root = root.getParentSchema();
    }
    this.catalogReader = new CalciteCatalogReader(CalciteSchema.from(root),
        CalciteSchema.from(defaultSchema).path(null), typeFactory, connection);
    this.validator = new CalciteSqlValidator(SqlOperatorTables.chain(config.getOperatorTable(), catalogReader),
        catalogReader, typeFactory, config.getSqlValidatorConfig()
            .withDefaultNullCollation(connection.defaultNullCollation())
            .withLenientOperatorLookup(connection.lenientOperatorLookup())
            .withConformance(connection.conformance())
            .withIdentifierExpansion(true));
  }

  /** {@code statement} validated (names resolved, types derived); a failure is a {@link ValidationException}. */
  SqlNode validate(SqlNode statement) throws ValidationException {
    try {
      return validator.validate(statement);
    } catch (RuntimeException e) {
      throw new ValidationException(e);
    }
  }

  /** The relational algebra of a statement {@link #validate} returned, its correlated subqueries decorrelated. */
  RelRoot rel(SqlNode validated) {
    SqlToRelConverter.Config converterConfig = config.getSqlToRelConverterConfig().withTrimUnusedFields(false);
    SqlToRelConverter converter = new SqlToRelConverter(null, validator, catalogReader, cluster,
        config.getConvertletTable(), converterConfig);
    RelRoot root = converter.convertQuery(validated, false, true);
    return root.withRel(RelDecorrelator.decorrelateQuery(root.rel,
        converterConfig.getRelBuilderFactory().create(cluster, null)));
  }
}
