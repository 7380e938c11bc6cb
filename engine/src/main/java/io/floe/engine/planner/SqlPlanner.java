package io.floe.engine.planner;

import io.floe.catalog.TableIdentifier;
import io.floe.engine.SqlErrors;
import io.floe.engine.audit.TableChangesFunction;
import io.floe.engine.audit.TableChangesRule;
import io.floe.engine.catalog.FloeViewTable;
import io.floe.engine.expr.SqlStateException;
import io.floe.engine.expr.StatementTime;
import io.floe.engine.parser.GroupByAll;
import io.floe.engine.parser.OrderByAll;
import io.floe.engine.parser.VersionAsOf;
import io.floe.engine.parser.impl.FloeSqlParserImpl;
import io.floe.engine.timetravel.PinnedVersions;
import io.floe.engine.timetravel.SnapshotScanRule;
import io.floe.view.SqlViewRepresentation;
import io.floe.view.ViewVersion;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.config.Lex;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.tools.RelConversionException;
import org.apache.calcite.tools.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Calcite front end: parses, validates and converts a statement to relational algebra, removes subqueries
 * and decorrelates, then optimizes with heuristic programs (expression reduction, filter and projection pushdown,
 * join ordering over multi-joins, aggregate reduction) and finally pushes filters and columns into
 * {@link FloeTableScan}s.
 */
public final class SqlPlanner {
  private static final Logger LOG = LoggerFactory.getLogger(SqlPlanner.class);

  /** Bounds each heuristic program, so a pair of rules undoing each other cannot loop forever. */
  private static final int MATCH_LIMIT = 20_000;

  /**
   * How Floe parses SQL: with Floe's parser (Calcite's grammar plus Floe's DDL, CALL, SHOW, transactions and
   * {@code FOR VERSION AS OF}); identifiers keep their case and match case-insensitively; double quotes quote them.
   */
  public static final SqlParser.Config PARSER_CONFIG = SqlParser.config().withParserFactory(FloeSqlParserImpl.FACTORY)
      .withLex(Lex.JAVA)
      .withUnquotedCasing(Casing.UNCHANGED).withQuotedCasing(Casing.UNCHANGED).withCaseSensitive(false)
      .withConformance(SqlConformanceEnum.LENIENT).withQuoting(org.apache.calcite.avatica.util.Quoting.DOUBLE_QUOTE);

  /** Calcite's operators with Floe's replacements, then Floe's library functions: built once, immutable. */
  private static final SqlOperatorTable STANDARD_OPERATORS = io.floe.engine.expr.FunctionLibrary.standard();
  private static final SqlOperatorTable LIBRARY_OPERATORS = io.floe.engine.expr.FunctionLibrary.operators();
  private static final SqlValidator.Config VALIDATOR_CONFIG = SqlValidator.Config.DEFAULT
      .withConformance(SqlConformanceEnum.LENIENT).withIdentifierExpansion(true)
      .withTypeCoercionFactory(NumericAggregateCoercion::new);
  private static final SqlToRelConverter.Config CONVERTER_CONFIG = SqlToRelConverter.config().withExpand(false)
      .withTrimUnusedFields(true);

  /** The dialect of the view SQL Floe writes and reads (Iceberg view representations are per dialect). */
  public static final String VIEW_DIALECT = "floe";

  private final FrameworkConfig config;
  private final ZoneId timeZone;
  /** The views being expanded, innermost last: meeting one of them again is a view referencing itself. */
  private final Deque<TableIdentifier> expanding = new ArrayDeque<>();
  /** Every view this planner expanded. */
  private final Set<TableIdentifier> expanded = new LinkedHashSet<>();
  /** The instant CURRENT_TIMESTAMP and the other current-time functions of the statement planned here name. */
  private final java.time.Instant statementStart = java.time.Instant.now();

  /** A planner resolving names in {@code defaultSchema} and reading time-travel timestamps in UTC. */
  public SqlPlanner(SchemaPlus defaultSchema) {
    this(defaultSchema, ZoneOffset.UTC);
  }

  /** A planner resolving names in {@code defaultSchema} and reading time-travel timestamps in {@code timeZone}. */
  public SqlPlanner(SchemaPlus defaultSchema, ZoneId timeZone) {
    this.timeZone = timeZone;
    this.config = Frameworks.newConfigBuilder()
        .defaultSchema(defaultSchema)
        .operatorTable(SqlOperatorTables.chain(STANDARD_OPERATORS,
            SqlOperatorTables.of(VersionAsOf.OPERATOR, new TableChangesFunction(defaultSchema)), LIBRARY_OPERATORS))
        .parserConfig(PARSER_CONFIG)
        .sqlValidatorConfig(VALIDATOR_CONFIG)
        .sqlToRelConverterConfig(CONVERTER_CONFIG)
        .typeSystem(FloeTypeSystem.INSTANCE)
        .executor(io.floe.engine.expr.ConstantFolding.INSTANCE)
        .context(Contexts.of(this)) // the views a statement names find their expander there (FloeViewTable)
        .build();
  }

  /** Parses one statement (any kind) without validating it; a semicolon may end it. */
  public static SqlNode parse(String sql) throws SqlParseException {
    return SqlParser.create(withoutFinalSemicolon(sql), PARSER_CONFIG).parseStmt();
  }

  /**
   * {@code sql} without the semicolons (and the white space around them) that end it, as PostgreSQL and DuckDB take a
   * statement: {@code SELECT 1;}. What stays keeps its lines and columns.
   */
  public static String withoutFinalSemicolon(String sql) {
    int end = sql.length();
    while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
      end--;
    }
    return end == sql.length() ? sql : sql.substring(0, end);
  }

  /** Plans {@code sql} into an optimized logical plan whose row type is the statement's result. */
  public RelNode plan(String sql) throws SqlParseException, ValidationException, RelConversionException {
    return plan(parse(sql), sql);
  }

  /** Plans an already parsed query (for example one an extended parser produced) like {@link #plan(String)}. */
  public RelNode plan(SqlNode query) throws SqlParseException, ValidationException, RelConversionException {
    return plan(query, query); // the query's text only if the plan is logged
  }

  private RelNode plan(SqlNode parsed, Object sql)
      throws SqlParseException, ValidationException, RelConversionException {
    StatementConverter converter = new StatementConverter(config);
    SqlNode validated = converter.validate(rewriteParsed(parsed));
    SubSecondDifferences.check(validated);
    RelRoot root = rel(converter, validated);
    RelNode rel = optimize(root.project());
    List<String> names = root.validatedRowType.getFieldNames();
    if (!rel.getRowType().getFieldNames().equals(names)) {
      // the optimizer drops a projection that only renames: the result keeps the names the query gave its columns
      rel = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null).push(rel).rename(names).build();
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("plan for {}:\n{}", sql, RelOptUtil.toString(rel));
    }
    return rel;
  }

  /**
   * Validates an already parsed statement of any kind (a query, INSERT, UPDATE, DELETE, MERGE) and converts it to
   * relational algebra without optimizing it; validation errors carry the positions of {@code statement}'s nodes.
   */
  public RelRoot convert(SqlNode statement) throws SqlParseException, ValidationException, RelConversionException {
    StatementConverter converter = new StatementConverter(config);
    SqlNode validated = converter.validate(rewriteParsed(statement));
    SubSecondDifferences.check(validated);
    RelRoot root = rel(converter, validated);
    return root.withRel(StatementTime.rewrite(root.rel, statementStart, timeZone));
  }

  /**
   * What a query returns and what it takes, without optimizing it: its result row type and the types of its
   * dynamic parameters ({@code ?}) in order of appearance, as the validator infers them from their context.
   */
  public Description describe(String sql) throws SqlParseException, ValidationException, RelConversionException {
    StatementConverter converter = new StatementConverter(config);
    RelRoot root = rel(converter, converter.validate(rewriteParsed(parse(sql))));
    return new Description(root.project().getRowType(), DynamicParameters.types(root.rel));
  }

  /** The relational algebra of a validated statement, checked for uses of nested values Floe cannot evaluate. */
  private static RelRoot rel(StatementConverter converter, SqlNode validated) {
    RelRoot root = converter.rel(validated);
    NestedValueUses.check(root.rel);
    return root;
  }

  /** Optimizes a converted query (see {@link #convert}) into the plan {@link PhysicalPlanner} builds operators for. */
  public RelNode optimize(RelNode converted) {
    FloeMetadata.install(converted.getCluster());
    RelNode rel = StatementTime.rewrite(converted, statementStart, timeZone);
    rel = hep(rel, HepMatchOrder.BOTTOM_UP, new SnapshotScanRule(timeZone), new TableChangesRule(timeZone));
    SnapshotScanRule.requireResolved(rel);
    RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
    rel = hep(rel, HepMatchOrder.BOTTOM_UP, CorrelatedExistsToJoinRule.INSTANCE);
    rel = hep(rel, HepMatchOrder.BOTTOM_UP, CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
        CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE, CoreRules.JOIN_SUB_QUERY_TO_CORRELATE);
    rel = RelDecorrelator.decorrelateQuery(rel, builder);
    rel = new RelFieldTrimmer(null, builder).trim(rel);
    rel = hep(rel, HepMatchOrder.BOTTOM_UP, SetOpAllToDistinctRule.INTERSECT, SetOpAllToDistinctRule.MINUS);
    rel = hep(rel, HepMatchOrder.BOTTOM_UP, CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW);
    // the trimmer does not see into windows: a projection below each keeps only the columns used above it and those
    // it reads, so the scan under it decodes (and the exchanges move) only those
    rel = hep(rel, HepMatchOrder.BOTTOM_UP, CoreRules.PROJECT_WINDOW_TRANSPOSE);
    // a global COUNT/SUM(DISTINCT x) finds the distinct x with a GROUP BY: on N tasks, spilling past the limit; so
    // does a DISTINCT variance, before AGGREGATE_REDUCE_FUNCTIONS would make it a sum of distinct squares
    rel = hep(rel, HepMatchOrder.BOTTOM_UP, GlobalDistinctToGroupByRule.INSTANCE,
        GlobalDistinctToGroupByRule.DISTINCT_VARIANCES_TO_JOIN);
    rel = hep(rel, HepMatchOrder.BOTTOM_UP,
        CoreRules.FILTER_REDUCE_EXPRESSIONS, CoreRules.PROJECT_REDUCE_EXPRESSIONS,
        CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH,
        CoreRules.FILTER_PROJECT_TRANSPOSE, CoreRules.FILTER_AGGREGATE_TRANSPOSE, CoreRules.FILTER_SET_OP_TRANSPOSE,
        CoreRules.FILTER_MERGE, CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE,
        GlobalDistinctToGroupByRule.REDUCE_FUNCTIONS_BUT_DISTINCT_VARIANCES, CoreRules.AGGREGATE_PROJECT_MERGE,
        CoreRules.UNION_TO_DISTINCT, CoreRules.INTERSECT_TO_DISTINCT, CoreRules.MINUS_TO_DISTINCT);
    // a join with a distinct (aggregated) input none of whose columns it outputs is a SEMI join (EXISTS and IN), a
    // LEFT join keeping only its unmatched rows an ANTI join (NOT EXISTS); either reads only its right keys
    rel = hep(rel, HepMatchOrder.BOTTOM_UP, CoreRules.PROJECT_TO_SEMI_JOIN, CoreRules.JOIN_TO_SEMI_JOIN,
        CoreRules.AGGREGATE_TO_SEMI_JOIN, NotExistsToAntiJoinRule.INSTANCE, SemiJoinInputTrimRule.INSTANCE);
    rel = hep(rel, HepMatchOrder.BOTTOM_UP, SingleRowJoinBelowSemiJoinRule.INSTANCE);
    rel = hep(rel, HepMatchOrder.BOTTOM_UP, CoreRules.JOIN_TO_MULTI_JOIN, CoreRules.PROJECT_MULTI_JOIN_MERGE,
        CoreRules.FILTER_MULTI_JOIN_MERGE);
    rel = TransitiveJoinEqualities.derive(rel);
    rel = hep(rel, HepMatchOrder.BOTTOM_UP, CoreRules.MULTI_JOIN_OPTIMIZE);
    // the rewrites above can leave a scan under an operator that uses few of its columns (an aggregate merged with
    // the projection that named them, after decorrelation): trim again (then filters move
    // below the new projections) so the scans below decode only those
    rel = new RelFieldTrimmer(null, builder).trim(rel);
    rel = JoinDisjunctionFilters.derive(rel);
    rel = hep(rel, HepMatchOrder.BOTTOM_UP, CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH,
        CoreRules.FILTER_PROJECT_TRANSPOSE, CoreRules.FILTER_MERGE, CoreRules.PROJECT_MERGE,
        CoreRules.PROJECT_REMOVE);
    rel = hep(rel, HepMatchOrder.BOTTOM_UP, FilterIntoScanRule.INSTANCE);
    rel = hep(rel, HepMatchOrder.BOTTOM_UP, ProjectIntoScanRule.DIRECT, ProjectIntoScanRule.THROUGH_FILTER,
        AggregateIntoScanRule.DIRECT, AggregateIntoScanRule.THROUGH_FILTER, RowCountFromMetadataRule.INSTANCE);
    return rel;
  }

  /**
   * {@code parsed}, rewritten in place where Calcite's validator or converter fails on the form written, its
   * time-travel references pinned to their snapshots' columns ({@link PinnedVersions}).
   */
  private SqlNode rewriteParsed(SqlNode parsed) {
    return rewriteParsed(parsed, config.getDefaultSchema());
  }

  /** {@link #rewriteParsed(SqlNode)} with single-part names resolved in {@code defaultSchema}. */
  private SqlNode rewriteParsed(SqlNode parsed, SchemaPlus defaultSchema) {
    SqlNode pinned = PinnedVersions.rewrite(parsed, defaultSchema, timeZone);
    return InListsToOr.rewrite(OrderByAll.rewrite(GroupByAll.rewrite(AggregateCallRewrites.rewrite(pinned))));
  }

  /** The views this planner expanded so far (a view being created must not be among those its query expands). */
  public Set<TableIdentifier> expandedViews() {
    return Collections.unmodifiableSet(expanded);
  }

  /**
   * The relational algebra of a view where a statement names it: the SQL of its current version in Floe's dialect,
   * parsed, rewritten and validated as a statement's query is (single-part names resolved in the version's default
   * namespace), converted into the statement's {@code cluster}, then given the view's columns. A failure names the
   * view and keeps the SQLState of what failed.
   */
  public RelNode expandView(FloeViewTable viewTable, RelOptTable table, RelOptCluster cluster) {
    TableIdentifier id = viewTable.view().id();
    ViewVersion version = viewTable.view().metadata().currentVersion();
    if (expanding.contains(id)) {
      List<String> chain = new ArrayList<>();
      expanding.descendingIterator().forEachRemaining(v -> chain.add(v.toString()));
      chain.add(id.toString());
      throw new SqlStateException("42000", "view " + id + " references itself: " + String.join(" -> ", chain));
    }
    String sql = version.sql(VIEW_DIALECT).map(SqlViewRepresentation::sql).orElseThrow(() ->
        new UnsupportedOperationException("not supported: view " + id + " has no SQL in Floe's dialect ('"
            + VIEW_DIALECT + "'), only in " + version.representations().stream().map(SqlViewRepresentation::dialect)
            .toList()));
    CalciteCatalogReader reader = ((CalciteCatalogReader) table.getRelOptSchema())
        .withSchemaPath(version.defaultNamespace());
    SchemaPlus defaultSchema = reader.getRootSchema().plus();
    for (String level : version.defaultNamespace()) {
      defaultSchema = defaultSchema == null ? null : defaultSchema.getSubSchema(level);
    }
    expanding.addLast(id);
    expanded.add(id);
    try {
      SqlNode parsed = SqlParser.create(sql, PARSER_CONFIG).parseQuery();
      SqlValidator validator = SqlValidatorUtil.newValidator(config.getOperatorTable(), reader,
          cluster.getTypeFactory(), VALIDATOR_CONFIG);
      SqlNode validated = validator.validate(rewriteParsed(parsed,
          defaultSchema == null ? config.getDefaultSchema() : defaultSchema));
      SubSecondDifferences.check(validated);
      SqlToRelConverter converter = new SqlToRelConverter(null, validator, reader, cluster,
          StandardConvertletTable.INSTANCE, CONVERTER_CONFIG);
      RelNode rel = converter.convertQuery(validated, false, true).project();
      return ViewColumns.declared(rel, viewTable.getRowType(cluster.getTypeFactory()), viewTable.view());
    } catch (SqlStateException e) {
      throw e;
    } catch (Exception e) {
      SQLException error = SqlErrors.of(e);
      throw SqlStateException.withDetail(error.getSQLState(), "view " + id + " cannot be read: "
          + error.getMessage() + " (its SQL: " + sql + ")", e);
    } finally {
      expanding.removeLast();
    }
  }

  /** The result row type of a query and the types of its dynamic parameters, by index. */
  public record Description(RelDataType rowType, List<RelDataType> parameterTypes) {
  }

  /**
   * {@code rel} rewritten by {@code rules} to a fixpoint; {@code rel} itself when no rule's first operand matches any
   * node of it (then no rule can fire, and building the planner's graph would be the only work).
   */
  private static RelNode hep(RelNode rel, HepMatchOrder order, RelOptRule... rules) {
    if (!anyMatches(rel, rules, Collections.newSetFromMap(new IdentityHashMap<>()))) {
      return rel;
    }
    HepProgramBuilder program = new HepProgramBuilder().addMatchLimit(MATCH_LIMIT).addMatchOrder(order);
    program.addRuleCollection(List.of(rules));
    HepPlanner planner = new HepPlanner(program.build());
    planner.setRoot(rel);
    return planner.findBestExp();
  }

  /** Whether the first operand of one of {@code rules} matches {@code rel} or a node below it not yet visited. */
  private static boolean anyMatches(RelNode rel, RelOptRule[] rules, Set<RelNode> visited) {
    if (!visited.add(rel)) {
      return false;
    }
    for (RelOptRule rule : rules) {
      if (rule.getOperand().matches(rel)) {
        return true;
      }
    }
    for (RelNode input : rel.getInputs()) {
      if (anyMatches(input, rules, visited)) {
        return true;
      }
    }
    return false;
  }
}
