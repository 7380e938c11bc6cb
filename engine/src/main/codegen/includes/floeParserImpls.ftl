<#--
  Floe's statements, added to Calcite's grammar (see config.fmpp):
  CREATE/DROP SCHEMA, CREATE TABLE (PARTITIONED BY, WITH, AS query), DROP TABLE [PURGE], ALTER TABLE,
  CREATE [OR REPLACE] VIEW, DROP VIEW, SHOW SCHEMAS/TABLES/VIEWS/CREATE TABLE/CREATE VIEW, CALL with named
  arguments, ANALYZE, BEGIN/START TRANSACTION, COMMIT, ROLLBACK.
-->

/** CREATE SCHEMA [IF NOT EXISTS] name [WITH (key = value, ...)] */
SqlCreate FloeCreateSchema(Span s, boolean replace) :
{
    boolean ifNotExists = false;
    final SqlIdentifier id;
    SqlNodeList properties = null;
}
{
    <SCHEMA>
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    id = CompoundIdentifier()
    [ <WITH> properties = FloePropertyList() ]
    {
        return new SqlCreateSchema(s.end(this), replace, ifNotExists, id, properties);
    }
}

/**
 * CREATE TABLE [IF NOT EXISTS] name [(column type [NOT NULL] [COMMENT '...'], ...)] [COMMENT '...']
 * [PARTITIONED BY (field, ...)] [WITH (key = value, ...)] [AS query]
 */
SqlCreate FloeCreateTable(Span s, boolean replace) :
{
    boolean ifNotExists = false;
    final SqlIdentifier id;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    SqlNode column;
    SqlNode comment = null;
    SqlNodeList partitionBy = null;
    SqlNodeList properties = null;
    SqlNode query = null;
}
{
    <TABLE>
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    id = CompoundIdentifier()
    [
        <LPAREN>
        column = FloeColumnDefinition() { columns.add(column); }
        ( <COMMA> column = FloeColumnDefinition() { columns.add(column); } )*
        <RPAREN>
    ]
    [ <COMMENT> comment = StringLiteral() ]
    [ <PARTITIONED> <BY> partitionBy = FloePartitionFields() ]
    [ <WITH> properties = FloePropertyList() ]
    [ <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) ]
    {
        return new SqlCreateTable(s.end(this), replace, ifNotExists, id, new SqlNodeList(columns, id.getParserPosition()),
            comment, partitionBy, properties, query);
    }
}

/** CREATE [OR REPLACE] VIEW [IF NOT EXISTS] name [(column [COMMENT '...'], ...)] [COMMENT '...'] AS query */
SqlCreate FloeCreateView(Span s, boolean replace) :
{
    boolean ifNotExists = false;
    final SqlIdentifier id;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final List<SqlNode> comments = new ArrayList<SqlNode>();
    SqlNode comment = null;
    final SqlParserPos queryStart;
    final SqlNode query;
}
{
    <VIEW>
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    id = CompoundIdentifier()
    [
        <LPAREN>
        FloeViewColumn(columns, comments)
        ( <COMMA> FloeViewColumn(columns, comments) )*
        <RPAREN>
    ]
    [ <COMMENT> comment = StringLiteral() ]
    <AS> { queryStart = new SqlParserPos(getToken(1).beginLine, getToken(1).beginColumn); }
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreateView(s.end(this), replace, ifNotExists, id,
            new SqlNodeList(columns, id.getParserPosition()), comments, comment, query, queryStart);
    }
}

/** column [COMMENT '...'] of a view's column list */
void FloeViewColumn(List<SqlNode> columns, List<SqlNode> comments) :
{
    final SqlIdentifier name;
    SqlNode comment = null;
}
{
    name = SimpleIdentifier()
    [ <COMMENT> comment = StringLiteral() ]
    {
        columns.add(name);
        comments.add(comment);
    }
}

/** column type [NOT NULL | NULL] [COMMENT '...'] */
SqlColumnDefinition FloeColumnDefinition() :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    boolean notNull = false;
    SqlNode comment = null;
}
{
    name = SimpleIdentifier()
    type = DataType()
    [ <NOT> <NULL> { notNull = true; } | <NULL> ]
    [ <COMMENT> comment = StringLiteral() ]
    {
        return new SqlColumnDefinition(Span.of(name).end(this), name, type, notNull, comment);
    }
}

/** (field, ...): a column, or a transform: year/month/day/hour(col), bucket(n, col), truncate(w, col), ... */
SqlNodeList FloePartitionFields() :
{
    final Span s;
    final List<SqlNode> fields = new ArrayList<SqlNode>();
    SqlNode field;
}
{
    <LPAREN> { s = span(); }
    [
        field = FloePartitionField() { fields.add(field); }
        ( <COMMA> field = FloePartitionField() { fields.add(field); } )*
    ]
    <RPAREN>
    {
        return new SqlNodeList(fields, s.end(this));
    }
}

SqlNode FloePartitionField() :
{
    final Span s;
    final String name;
    final SqlIdentifier id;
    final List<SqlNode> args = new ArrayList<SqlNode>();
}
{
    (
        // year, month, day and hour are names (non-reserved keywords) that the next alternative parses
        <TRUNCATE> { s = span(); name = token.image; }
        FloePartitionArgs(args)
        {
            return PartitionTransforms.call(s.end(this), name, args);
        }
    |
        id = SimpleIdentifier() { s = span(); }
        (
            FloePartitionArgs(args)
            {
                return PartitionTransforms.call(s.end(this), id.getSimple(), args);
            }
        |
            { return id; }
        )
    )
}

void FloePartitionArgs(List<SqlNode> args) :
{
    SqlNode arg;
}
{
    <LPAREN>
    arg = FloePartitionArg() { args.add(arg); }
    ( <COMMA> arg = FloePartitionArg() { args.add(arg); } )*
    <RPAREN>
}

SqlNode FloePartitionArg() :
{
    final SqlNode e;
}
{
    ( e = UnsignedNumericLiteral() | e = SimpleIdentifier() )
    {
        return e;
    }
}

/** (key = value, ...) */
SqlNodeList FloePropertyList() :
{
    final SqlNodeList properties;
}
{
    <LPAREN> properties = FloeProperties() <RPAREN>
    {
        return properties;
    }
}

/** key = value, ...: keys are names or strings, values literals or names */
SqlNodeList FloeProperties() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlNode property;
}
{
    { s = span(); }
    property = FloeProperty() { list.add(property); }
    ( <COMMA> property = FloeProperty() { list.add(property); } )*
    {
        return new SqlNodeList(list, s.end(this));
    }
}

SqlNode FloeProperty() :
{
    final SqlNode key;
    final SqlNode value;
}
{
    ( key = StringLiteral() | key = CompoundIdentifier() )
    <EQ>
    ( value = Literal() | value = CompoundIdentifier() )
    {
        return SqlStdOperatorTable.EQUALS.createCall(Span.of(key, value).pos(), key, value);
    }
}

/** DROP SCHEMA [IF EXISTS] name [CASCADE | RESTRICT] */
SqlDrop FloeDropSchema(Span s, boolean replace) :
{
    boolean ifExists = false;
    final SqlIdentifier id;
    boolean cascade = false;
}
{
    <SCHEMA>
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    id = CompoundIdentifier()
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    {
        return new SqlDropSchema(s.end(this), ifExists, id, cascade);
    }
}

/** DROP TABLE [IF EXISTS] name [PURGE] */
SqlDrop FloeDropTable(Span s, boolean replace) :
{
    boolean ifExists = false;
    final SqlIdentifier id;
    boolean purge = false;
}
{
    <TABLE>
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    id = CompoundIdentifier()
    [ <PURGE> { purge = true; } ]
    {
        return new SqlDropTable(s.end(this), ifExists, id, purge);
    }
}

/** DROP VIEW [IF EXISTS] name */
SqlDrop FloeDropView(Span s, boolean replace) :
{
    boolean ifExists = false;
    final SqlIdentifier id;
}
{
    <VIEW>
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    id = CompoundIdentifier()
    {
        return new SqlDropView(s.end(this), ifExists, id);
    }
}

/**
 * ALTER TABLE name ADD [COLUMN] column type [NOT NULL] [COMMENT '...'] | DROP [COLUMN] column
 * | RENAME COLUMN a TO b | RENAME TO new_name | ALTER [COLUMN] column TYPE type (or SET DATA TYPE type)
 * | SET PARTITIONING (field, ...) | SET PROPERTIES key = value, ... (parentheses optional)
 */
SqlNode FloeAlterTable() :
{
    final Span s;
    final SqlIdentifier table;
    final SqlIdentifier column;
    final SqlIdentifier newName;
    final SqlColumnDefinition definition;
    final SqlDataTypeSpec type;
    final SqlNodeList fields;
    final SqlNodeList properties;
}
{
    <ALTER> { s = span(); } <TABLE> table = CompoundIdentifier()
    (
        <ADD> [ <COLUMN> ] definition = FloeColumnDefinition()
        {
            return SqlAlterTable.addColumn(s.end(this), table, definition);
        }
    |
        <DROP> [ <COLUMN> ] column = SimpleIdentifier()
        {
            return SqlAlterTable.dropColumn(s.end(this), table, column);
        }
    |
        <RENAME>
        (
            <COLUMN> column = SimpleIdentifier() <TO> newName = SimpleIdentifier()
            {
                return SqlAlterTable.renameColumn(s.end(this), table, column, newName);
            }
        |
            <TO> newName = CompoundIdentifier()
            {
                return SqlAlterTable.renameTable(s.end(this), table, newName);
            }
        )
    |
        <ALTER> [ <COLUMN> ] column = SimpleIdentifier()
        ( <TYPE> | <SET> <DATA> <TYPE> )
        type = DataType()
        {
            return SqlAlterTable.alterColumnType(s.end(this), table, column, type);
        }
    |
        <SET>
        (
            <PARTITIONING> fields = FloePartitionFields()
            {
                return SqlAlterTable.setPartitioning(s.end(this), table, fields);
            }
        |
            <PROPERTIES> ( properties = FloePropertyList() | properties = FloeProperties() )
            {
                return SqlAlterTable.setProperties(s.end(this), table, properties);
            }
        )
    )
}

/** SHOW SCHEMAS [FROM | IN schema] | SHOW TABLES [FROM | IN schema] | SHOW CREATE TABLE name */
SqlNode FloeShow() :
{
    final Span s;
    SqlIdentifier id = null;
}
{
    <SHOW> { s = span(); }
    (
        <SCHEMAS> [ ( <FROM> | <IN> ) id = CompoundIdentifier() ]
        {
            return new SqlShow(s.end(this), SqlShow.What.SCHEMAS, id);
        }
    |
        <TABLES> [ ( <FROM> | <IN> ) id = CompoundIdentifier() ]
        {
            return new SqlShow(s.end(this), SqlShow.What.TABLES, id);
        }
    |
        <VIEWS> [ ( <FROM> | <IN> ) id = CompoundIdentifier() ]
        {
            return new SqlShow(s.end(this), SqlShow.What.VIEWS, id);
        }
    |
        LOOKAHEAD(2) <CREATE> <TABLE> id = CompoundIdentifier()
        {
            return new SqlShow(s.end(this), SqlShow.What.CREATE_TABLE, id);
        }
    |
        <CREATE> <VIEW> id = CompoundIdentifier()
        {
            return new SqlShow(s.end(this), SqlShow.What.CREATE_VIEW, id);
        }
    )
}

/** CALL [system.]procedure(arg, ... | name => arg, ...) */
SqlNode FloeCallProcedure() :
{
    final Span s;
    final List<String> names = new ArrayList<String>();
    final SqlIdentifier id;
    final List<SqlNode> args = new ArrayList<SqlNode>();
    SqlNode arg;
}
{
    <CALL> { s = span(); }
    [ <SYSTEM> <DOT> { names.add("system"); } ]
    id = CompoundIdentifier()
    <LPAREN>
    [
        arg = FloeProcedureArg() { args.add(arg); }
        ( <COMMA> arg = FloeProcedureArg() { args.add(arg); } )*
    ]
    <RPAREN>
    {
        names.addAll(id.names);
        return new SqlCallProcedure(s.end(this), new SqlIdentifier(names, id.getParserPosition()),
            new SqlNodeList(args, id.getParserPosition()));
    }
}

/**
 * ANALYZE table [WITH (name = value, ...)]: Trino's spelling of CALL system.compute_table_stats('table', name =>
 * value, ...), e.g. WITH (columns = ARRAY['a', 'b']).
 */
SqlNode FloeAnalyze() :
{
    final Span s;
    final SqlIdentifier id;
    final List<SqlNode> args = new ArrayList<SqlNode>();
    SqlIdentifier name;
    SqlNode value;
}
{
    <ANALYZE> { s = span(); }
    id = CompoundIdentifier()
    { args.add(SqlLiteral.createCharString(String.join(".", id.names), id.getParserPosition())); }
    [
        <WITH> <LPAREN>
        name = SimpleIdentifier() <EQ> value = Expression(ExprContext.ACCEPT_NON_QUERY)
        { args.add(SqlStdOperatorTable.ARGUMENT_ASSIGNMENT.createCall(Span.of(name, value).pos(), value, name)); }
        (
            <COMMA> name = SimpleIdentifier() <EQ> value = Expression(ExprContext.ACCEPT_NON_QUERY)
            { args.add(SqlStdOperatorTable.ARGUMENT_ASSIGNMENT.createCall(Span.of(name, value).pos(), value, name)); }
        )*
        <RPAREN>
    ]
    {
        return new SqlCallProcedure(s.end(this),
            new SqlIdentifier(Arrays.asList("system", "compute_table_stats"), s.pos()),
            new SqlNodeList(args, id.getParserPosition()));
    }
}

/** An argument, possibly named: name => value (names may be reserved words such as TABLE, TIMESTAMP, TO). */
SqlNode FloeProcedureArg() :
{
    SqlIdentifier name = null;
    final SqlNode e;
}
{
    [
        LOOKAHEAD(2)
        (
            name = SimpleIdentifier()
        |
            ( <TABLE> | <TIMESTAMP> | <TO> | <WHERE> | <REF> ) { name = new SqlIdentifier(token.image, getPos()); }
        )
        <NAMED_ARGUMENT_ASSIGNMENT>
    ]
    e = Expression(ExprContext.ACCEPT_NON_QUERY)
    {
        return name == null ? e
            : SqlStdOperatorTable.ARGUMENT_ASSIGNMENT.createCall(Span.of(name, e).pos(), e, name);
    }
}

/** BEGIN [WORK | TRANSACTION] | START TRANSACTION | COMMIT [WORK] | ROLLBACK [WORK] */
SqlNode FloeTransactionControl() :
{
    final Span s;
    final SqlTransactionControl.Action action;
}
{
    (
        <BEGIN> { s = span(); } [ <WORK> | <TRANSACTION> ] { action = SqlTransactionControl.Action.BEGIN; }
    |
        <START> { s = span(); } <TRANSACTION> { action = SqlTransactionControl.Action.BEGIN; }
    |
        <COMMIT> { s = span(); } [ <WORK> ] { action = SqlTransactionControl.Action.COMMIT; }
    |
        <ROLLBACK> { s = span(); } [ <WORK> ] { action = SqlTransactionControl.Action.ROLLBACK; }
    )
    {
        return new SqlTransactionControl(s.end(this), action);
    }
}

/**
 * MERGE INTO t [[AS] a] USING source ON cond followed by WHEN clauses in order; listed before Calcite's own MERGE
 * production (statementParserMethods come first), so every MERGE parses here, Calcite's two-clause form included.
 */
SqlNode FloeMerge() :
{
    final Span s;
    final SqlIdentifier tableName;
    SqlNode tableRef;
    final SqlIdentifier alias;
    final SqlNode sourceTableRef;
    final SqlNode condition;
    final List<SqlMergeWhen> clauses = new ArrayList<SqlMergeWhen>();
    SqlMergeWhen clause;
}
{
    <MERGE> { s = span(); } <INTO> tableName = CompoundTableIdentifier()
    ( tableRef = TableHints(tableName) | { tableRef = tableName; } )
    [ tableRef = ExtendTable(tableRef) ]
    ( [ <AS> ] alias = SimpleIdentifier() | { alias = null; } )
    <USING> sourceTableRef = TableRef()
    <ON> condition = Expression(ExprContext.ACCEPT_SUB_QUERY)
    ( clause = FloeMergeWhen(tableRef, alias) { clauses.add(clause); } )+
    {
        return new SqlMergeStatement(s.end(this), tableRef, alias, sourceTableRef, condition, clauses);
    }
}

/**
 * WHEN MATCHED [AND cond] THEN UPDATE SET ... | DELETE, WHEN NOT MATCHED BY SOURCE [AND cond] THEN UPDATE SET ... |
 * DELETE, or WHEN NOT MATCHED [BY TARGET] [AND cond] THEN INSERT ...
 */
SqlMergeWhen FloeMergeWhen(SqlNode table, SqlIdentifier alias) :
{
    final Span s;
    SqlNode condition = null;
    final Span insertSpan;
    final Span valuesSpan;
    final SqlNodeList insertColumns;
    final SqlNode row;
    final SqlMergeWhen changed;
}
{
    <WHEN> { s = span(); }
    (
        <MATCHED> [ <AND> condition = Expression(ExprContext.ACCEPT_SUB_QUERY) ] <THEN>
        changed = FloeMergeChange(s, SqlMergeWhen.Kind.MATCHED, condition, table, alias) { return changed; }
    |
        LOOKAHEAD(4) <NOT> <MATCHED> <BY> <SOURCE>
        [ <AND> condition = Expression(ExprContext.ACCEPT_SUB_QUERY) ] <THEN>
        changed = FloeMergeChange(s, SqlMergeWhen.Kind.NOT_MATCHED_BY_SOURCE, condition, table, alias)
        { return changed; }
    |
        <NOT> <MATCHED> [ <BY> <TARGET> ] [ <AND> condition = Expression(ExprContext.ACCEPT_SUB_QUERY) ] <THEN>
        <INSERT> { insertSpan = span(); }
        (
            LOOKAHEAD(2)
            insertColumns = ParenthesizedSimpleIdentifierList()
        |   { insertColumns = null; }
        )
        <VALUES> { valuesSpan = span(); } row = RowConstructor()
        {
            return SqlMergeWhen.insert(s.end(this), condition, new SqlInsert(insertSpan.end(this),
                SqlNodeList.EMPTY, table, SqlStdOperatorTable.VALUES.createCall(valuesSpan.end(this), row),
                insertColumns));
        }
    )
}

/** The UPDATE SET ... or DELETE of a WHEN MATCHED or WHEN NOT MATCHED BY SOURCE clause begun at {@code s}. */
SqlMergeWhen FloeMergeChange(Span s, SqlMergeWhen.Kind kind, SqlNode condition, SqlNode table,
    SqlIdentifier alias) :
{
    SqlIdentifier id;
    final SqlNodeList updateColumns = new SqlNodeList(SqlParserPos.ZERO);
    final SqlNodeList updateValues = new SqlNodeList(SqlParserPos.ZERO);
}
{
    <DELETE> { return SqlMergeWhen.delete(s.end(this), kind, condition); }
|
    <UPDATE> <SET> id = CompoundIdentifier() { updateColumns.add(id); }
    <EQ> AddExpression(updateValues, ExprContext.ACCEPT_SUB_QUERY)
    (
        <COMMA> id = CompoundIdentifier() { updateColumns.add(id); }
        <EQ> AddExpression(updateValues, ExprContext.ACCEPT_SUB_QUERY)
    )*
    {
        return SqlMergeWhen.update(s.end(this), kind, condition, new SqlUpdate(s.addAll(updateValues).pos(),
            table, updateColumns, updateValues, null, null, alias));
    }
}
