package io.floe.engine.server;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.floe.catalog.Namespace;
import io.floe.engine.QueryResult;
import io.floe.engine.exec.ArrowBatches;
import io.floe.engine.planner.SqlPlanner;
import io.floe.jdbc.ParameterizedSql;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.CloseSessionRequest;
import org.apache.arrow.flight.CloseSessionResult;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.GetSessionOptionsRequest;
import org.apache.arrow.flight.GetSessionOptionsResult;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.SessionOptionValue;
import org.apache.arrow.flight.SessionOptionValueFactory;
import org.apache.arrow.flight.SetSessionOptionsRequest;
import org.apache.arrow.flight.SetSessionOptionsResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.FlightSqlProducer;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionClosePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCatalogs;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCrossReference;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetExportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetImportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetSqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTableTypes;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetXdbcTypeInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.DoPutPreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.DoPutUpdateResult;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * The Flight SQL service over Floe: statements and prepared statements run in the caller's {@link ClientSession}
 * (its own {@code FloeSession}); a query is planned when its {@code FlightInfo} is asked for and computed while its
 * single endpoint's stream is read. Catalog commands list the catalog's namespaces and tables.
 */
public final class FloeFlightSqlProducer implements FlightSqlProducer {
  static final String SCHEMA_OPTION = "schema";
  static final String CATALOG_OPTION = "catalog";

  private final ClientSessions sessions;
  private final CatalogMetadata metadata;
  private final BufferAllocator allocator;
  private final SqlInfoBuilder sqlInfo = SqlInfos.create();

  FloeFlightSqlProducer(ClientSessions sessions, CatalogMetadata metadata, BufferAllocator allocator) {
    this.sessions = sessions;
    this.metadata = metadata;
    this.allocator = allocator;
  }

  private ClientSession session(CallContext context) {
    ClientSession session = sessions.byId(context.peerIdentity()).orElseThrow(() -> CallStatus.UNAUTHENTICATED
        .withDescription("no session: connect again").toRuntimeException());
    session.touch();
    return session;
  }

  // ---- statements ----

  @Override
  public FlightInfo getFlightInfoStatement(CommandStatementQuery command, CallContext context,
      FlightDescriptor descriptor) {
    return plan(session(context), command.getQuery(), descriptor);
  }

  @Override
  public SchemaResult getSchemaStatement(CommandStatementQuery command, CallContext context,
      FlightDescriptor descriptor) {
    try {
      return new SchemaResult(prepare(session(context), command.getQuery()).resultSchema());
    } catch (SQLException e) {
      throw FlightErrors.of(e);
    }
  }

  @Override
  public void getStreamStatement(TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
    ClientSession session = session(context);
    String id = ticket.getStatementHandle().toString(StandardCharsets.UTF_8);
    RunningQuery query = session.startStreaming(id).orElse(null);
    if (query == null) {
      listener.error(CallStatus.NOT_FOUND.withDescription("no query for this ticket: it was read, cancelled or "
          + "belongs to another session").toRuntimeException());
      return;
    }
    try {
      ResultStreamer.stream(query, listener, allocator);
    } finally {
      session.finishStreaming(query);
    }
  }

  @Override
  public Runnable acceptPutStatement(CommandStatementUpdate command, CallContext context, FlightStream flightStream,
      StreamListener<PutResult> ackStream) {
    ClientSession session = session(context);
    return () -> respondUpdate(ackStream, () -> update(session, command.getQuery()));
  }

  /** Plans {@code sql} (or runs it, when it is not a query) and announces its result under a one-use ticket. */
  private FlightInfo plan(ClientSession session, String sql, FlightDescriptor descriptor) {
    QueryResult result;
    try {
      result = session.execute(sql);
    } catch (Exception e) {
      throw FlightErrors.of(e);
    }
    RunningQuery query = new RunningQuery(result);
    session.addQuery(query);
    TicketStatementQuery ticket = TicketStatementQuery.newBuilder()
        .setStatementHandle(ByteString.copyFromUtf8(query.id())).build();
    return new FlightInfo(result.schema(), descriptor, List.of(new FlightEndpoint(new Ticket(pack(ticket)))), -1, -1);
  }

  private static long update(ClientSession session, String sql) throws SQLException {
    try (QueryResult result = session.execute(sql)) {
      if (result.updateCount() < 0) {
        throw new IllegalArgumentException("the statement returns rows: run it as a query");
      }
      return result.updateCount();
    }
  }

  // ---- prepared statements ----

  @Override
  public void createPreparedStatement(ActionCreatePreparedStatementRequest request, CallContext context,
      StreamListener<Result> listener) {
    try {
      ClientSession session = session(context);
      PreparedQuery prepared = prepare(session, request.getQuery());
      String handle = session.addPrepared(prepared);
      ActionCreatePreparedStatementResult result = ActionCreatePreparedStatementResult.newBuilder()
          .setPreparedStatementHandle(ByteString.copyFromUtf8(handle))
          .setDatasetSchema(ByteString.copyFrom(prepared.resultSchema().serializeAsMessage()))
          .setParameterSchema(ByteString.copyFrom(prepared.parameterSchema().serializeAsMessage()))
          .build();
      listener.onNext(new Result(pack(result)));
      listener.onCompleted();
    } catch (Exception e) {
      listener.onError(FlightErrors.of(e));
    }
  }

  /**
   * Describes a statement: the parameter types of a query or DML statement (INSERT, UPDATE, DELETE, MERGE) and a
   * query's result come from validating it; other statements (DDL) return no rows and take VARCHAR parameters.
   */
  private static PreparedQuery prepare(ClientSession session, String sql) throws SQLException {
    int markers = SqlParameters.positions(sql).size();
    SqlKind kind = kind(sql);
    boolean query = kind.belongsTo(SqlKind.QUERY);
    if (!query && !kind.belongsTo(SqlKind.DML)) {
      List<Field> parameters = new ArrayList<>();
      for (int i = 0; i < markers; i++) {
        parameters.add(Field.nullable("parameter_" + (i + 1), ArrowType.Utf8.INSTANCE));
      }
      return new PreparedQuery(sql, false, new Schema(List.of()), new Schema(parameters));
    }
    SqlPlanner.Description description = session.describe(sql);
    if (description.parameterTypes().size() != markers) {
      throw new IllegalArgumentException("the statement has " + markers + " parameter markers but the types of "
          + description.parameterTypes().size() + " are known");
    }
    List<Field> parameters = new ArrayList<>();
    for (int i = 0; i < markers; i++) {
      RelDataType type = description.parameterTypes().get(i);
      parameters.add(new Field("parameter_" + (i + 1), FieldType.nullable(parameterType(type)), null));
    }
    Schema result = query ? ArrowBatches.schema(description.rowType()) : new Schema(List.of());
    return new PreparedQuery(sql, query, result, new Schema(parameters));
  }

  /**
   * The Arrow type a client binds a parameter of SQL type {@code type} with. Timestamps are declared in milliseconds:
   * the Apache Arrow Flight SQL JDBC driver (18.x) writes a JDBC timestamp's milliseconds into a timestamp vector
   * of any unit unscaled, so a microsecond vector would read as a day in January 1970. Values of any unit a client
   * sends are read by their own unit ({@link ParameterLiterals#value}).
   */
  private static ArrowType parameterType(RelDataType type) {
    ArrowType arrow = ArrowBatches.arrowType(type);
    return arrow instanceof ArrowType.Timestamp t ? new ArrowType.Timestamp(TimeUnit.MILLISECOND, t.getTimezone())
        : arrow;
  }

  /** The kind of statement {@code sql} is; a statement that does not parse counts as a query (planning reports it). */
  private static SqlKind kind(String sql) {
    try {
      return SqlPlanner.parse(sql).getKind();
    } catch (SqlParseException e) {
      return SqlKind.SELECT;
    }
  }

  @Override
  public void closePreparedStatement(ActionClosePreparedStatementRequest request, CallContext context,
      StreamListener<Result> listener) {
    session(context).closePrepared(request.getPreparedStatementHandle().toString(StandardCharsets.UTF_8));
    listener.onCompleted();
  }

  private static PreparedQuery prepared(ClientSession session, ByteString handle) {
    return session.prepared(handle.toString(StandardCharsets.UTF_8)).orElseThrow(() -> CallStatus.NOT_FOUND
        .withDescription("unknown prepared statement (closed, or prepared in another session)").toRuntimeException());
  }

  @Override
  public FlightInfo getFlightInfoPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
      FlightDescriptor descriptor) {
    ClientSession session = session(context);
    List<String> statements;
    try {
      statements = prepared(session, command.getPreparedStatementHandle()).boundStatements();
    } catch (IllegalArgumentException e) {
      throw FlightErrors.of(e);
    }
    if (statements.size() != 1) {
      throw CallStatus.UNIMPLEMENTED.withDescription("not supported: a query with " + statements.size()
          + " parameter rows (bind one row)").toRuntimeException();
    }
    return plan(session, statements.get(0), descriptor);
  }

  @Override
  public SchemaResult getSchemaPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
      FlightDescriptor descriptor) {
    return new SchemaResult(prepared(session(context), command.getPreparedStatementHandle()).resultSchema());
  }

  @Override
  public void getStreamPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
      ServerStreamListener listener) {
    listener.error(CallStatus.INVALID_ARGUMENT.withDescription("read the ticket of the prepared statement's "
        + "FlightInfo").toRuntimeException());
  }

  @Override
  public Runnable acceptPutPreparedStatementQuery(CommandPreparedStatementQuery command, CallContext context,
      FlightStream flightStream, StreamListener<PutResult> ackStream) {
    ClientSession session = session(context);
    return () -> {
      try {
        prepared(session, command.getPreparedStatementHandle()).bind(parameterRows(flightStream));
        DoPutPreparedStatementResult result = DoPutPreparedStatementResult.newBuilder()
            .setPreparedStatementHandle(command.getPreparedStatementHandle()).build();
        sendMetadata(ackStream, result.toByteArray());
        ackStream.onCompleted();
      } catch (Exception e) {
        ackStream.onError(FlightErrors.of(e));
      }
    };
  }

  @Override
  public Runnable acceptPutPreparedStatementUpdate(CommandPreparedStatementUpdate command, CallContext context,
      FlightStream flightStream, StreamListener<PutResult> ackStream) {
    ClientSession session = session(context);
    return () -> respondUpdate(ackStream, () -> {
      PreparedQuery prepared = prepared(session, command.getPreparedStatementHandle());
      ParameterLiterals.Rows rows = parameterRows(flightStream);
      if (prepared.parameterCount() > 0) {
        prepared.bind(rows);
        OptionalLong batch = insertAll(session, prepared);
        if (batch.isPresent()) {
          return batch.getAsLong();
        }
      }
      long total = 0;
      for (String statement : prepared.boundStatements()) {
        total += update(session, statement);
      }
      return total;
    });
  }

  /**
   * For an {@code INSERT ... VALUES (?, ...)}: all the bound rows appended as one snapshot, straight to the columns
   * where every value fits its column, else as one INSERT of all the rows' literals. Empty for other statements,
   * which run once per row.
   */
  private static OptionalLong insertAll(ClientSession session, PreparedQuery prepared) throws SQLException {
    ParameterLiterals.Rows rows = prepared.boundRows();
    OptionalLong inserted = session.insertDirectly(prepared.sql(), prepared.parameterCount(), rows.values());
    if (inserted.isPresent()) {
      return inserted;
    }
    String oneInsert = ParameterizedSql.parse(prepared.sql()).bindRows(rows.literals());
    return oneInsert == null ? OptionalLong.empty() : OptionalLong.of(update(session, oneInsert));
  }

  private static ParameterLiterals.Rows parameterRows(FlightStream stream) {
    List<Object[]> values = new ArrayList<>();
    List<List<String>> literals = new ArrayList<>();
    while (stream.next()) {
      ParameterLiterals.Rows batch = ParameterLiterals.rows(stream.getRoot());
      values.addAll(batch.values());
      literals.addAll(batch.literals());
    }
    return new ParameterLiterals.Rows(values, literals);
  }

  /** A statement that returns a count of changed rows. */
  private interface UpdateCall {
    long run() throws Exception;
  }

  private void respondUpdate(StreamListener<PutResult> ackStream, UpdateCall call) {
    try {
      long count = call.run();
      sendMetadata(ackStream, DoPutUpdateResult.newBuilder().setRecordCount(count).build().toByteArray());
      ackStream.onCompleted();
    } catch (Exception e) {
      ackStream.onError(FlightErrors.of(e));
    }
  }

  private void sendMetadata(StreamListener<PutResult> ackStream, byte[] bytes) {
    try (ArrowBuf buffer = allocator.buffer(bytes.length)) {
      buffer.writeBytes(bytes);
      ackStream.onNext(PutResult.metadata(buffer));
    }
  }

  // ---- cancellation and session options ----

  @Override
  public void cancelFlightInfo(CancelFlightInfoRequest request, CallContext context,
      StreamListener<CancelStatus> listener) {
    ClientSession session = session(context);
    boolean cancelled = false;
    for (FlightEndpoint endpoint : request.getInfo().getEndpoints()) {
      String id = queryId(endpoint.getTicket());
      cancelled |= id != null && session.cancel(id);
    }
    listener.onNext(cancelled ? CancelStatus.CANCELLED : CancelStatus.NOT_CANCELLABLE);
    listener.onCompleted();
  }

  @SuppressWarnings("deprecation")
  @Override
  public void cancelQuery(FlightInfo info, CallContext context,
      StreamListener<org.apache.arrow.flight.sql.CancelResult> listener) {
    ClientSession session = session(context);
    boolean cancelled = false;
    for (FlightEndpoint endpoint : info.getEndpoints()) {
      String id = queryId(endpoint.getTicket());
      cancelled |= id != null && session.cancel(id);
    }
    listener.onNext(cancelled ? org.apache.arrow.flight.sql.CancelResult.CANCELLED
        : org.apache.arrow.flight.sql.CancelResult.NOT_CANCELLABLE);
    listener.onCompleted();
  }

  private static String queryId(Ticket ticket) {
    try {
      Any any = Any.parseFrom(ticket.getBytes());
      if (any.is(TicketStatementQuery.class)) {
        return any.unpack(TicketStatementQuery.class).getStatementHandle().toString(StandardCharsets.UTF_8);
      }
      return null;
    } catch (InvalidProtocolBufferException e) {
      throw CallStatus.INVALID_ARGUMENT.withDescription("malformed ticket").withCause(e).toRuntimeException();
    }
  }

  @Override
  public void setSessionOptions(SetSessionOptionsRequest request, CallContext context,
      StreamListener<SetSessionOptionsResult> listener) {
    ClientSession session = session(context);
    Map<String, SetSessionOptionsResult.Error> errors = new HashMap<>();
    request.getSessionOptions().forEach((name, value) -> {
      String text = value.acceptVisitor(new StringOption());
      if (SCHEMA_OPTION.equals(name)) {
        if (text != null && session.catalog().namespaceExists(Namespace.of(text))) {
          session.useSchema(text);
        } else {
          errors.put(name, new SetSessionOptionsResult.Error(SetSessionOptionsResult.ErrorValue.INVALID_VALUE));
        }
      } else if (CATALOG_OPTION.equals(name)) {
        if (!metadata.catalogName().equals(text)) {
          errors.put(name, new SetSessionOptionsResult.Error(SetSessionOptionsResult.ErrorValue.INVALID_VALUE));
        }
      } else {
        errors.put(name, new SetSessionOptionsResult.Error(SetSessionOptionsResult.ErrorValue.INVALID_NAME));
      }
    });
    listener.onNext(new SetSessionOptionsResult(errors));
    listener.onCompleted();
  }

  @Override
  public void getSessionOptions(GetSessionOptionsRequest request, CallContext context,
      StreamListener<GetSessionOptionsResult> listener) {
    ClientSession session = session(context);
    Map<String, SessionOptionValue> options = new HashMap<>();
    options.put(CATALOG_OPTION, SessionOptionValueFactory.makeSessionOptionValue(metadata.catalogName()));
    String schema = session.schema();
    options.put(SCHEMA_OPTION, schema == null ? SessionOptionValueFactory.makeEmptySessionOptionValue()
        : SessionOptionValueFactory.makeSessionOptionValue(schema));
    listener.onNext(new GetSessionOptionsResult(options));
    listener.onCompleted();
  }

  @Override
  public void closeSession(CloseSessionRequest request, CallContext context,
      StreamListener<CloseSessionResult> listener) {
    sessions.close(session(context));
    listener.onNext(new CloseSessionResult(CloseSessionResult.Status.CLOSED));
    listener.onCompleted();
  }

  // ---- catalog metadata ----

  @Override
  public FlightInfo getFlightInfoSqlInfo(CommandGetSqlInfo command, CallContext context, FlightDescriptor descriptor) {
    return commandInfo(command, descriptor, Schemas.GET_SQL_INFO_SCHEMA);
  }

  @Override
  public void getStreamSqlInfo(CommandGetSqlInfo command, CallContext context, ServerStreamListener listener) {
    sqlInfo.send(command.getInfoList(), listener);
  }

  @Override
  public FlightInfo getFlightInfoTypeInfo(CommandGetXdbcTypeInfo command, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(command, descriptor, Schemas.GET_TYPE_INFO_SCHEMA);
  }

  @Override
  public void getStreamTypeInfo(CommandGetXdbcTypeInfo command, CallContext context, ServerStreamListener listener) {
    sendEmpty(Schemas.GET_TYPE_INFO_SCHEMA, listener);
  }

  @Override
  public FlightInfo getFlightInfoCatalogs(CommandGetCatalogs command, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(command, descriptor, Schemas.GET_CATALOGS_SCHEMA);
  }

  @Override
  public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
    send(listener, metadata::catalogs);
  }

  @Override
  public FlightInfo getFlightInfoSchemas(CommandGetDbSchemas command, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(command, descriptor, Schemas.GET_SCHEMAS_SCHEMA);
  }

  @Override
  public void getStreamSchemas(CommandGetDbSchemas command, CallContext context, ServerStreamListener listener) {
    send(listener, a -> metadata.schemas(command, a));
  }

  @Override
  public FlightInfo getFlightInfoTables(CommandGetTables command, CallContext context, FlightDescriptor descriptor) {
    return commandInfo(command, descriptor,
        command.getIncludeSchema() ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA);
  }

  @Override
  public void getStreamTables(CommandGetTables command, CallContext context, ServerStreamListener listener) {
    send(listener, a -> metadata.tables(command, a));
  }

  @Override
  public FlightInfo getFlightInfoTableTypes(CommandGetTableTypes command, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(command, descriptor, Schemas.GET_TABLE_TYPES_SCHEMA);
  }

  @Override
  public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
    send(listener, metadata::tableTypes);
  }

  @Override
  public FlightInfo getFlightInfoPrimaryKeys(CommandGetPrimaryKeys command, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(command, descriptor, Schemas.GET_PRIMARY_KEYS_SCHEMA);
  }

  @Override
  public void getStreamPrimaryKeys(CommandGetPrimaryKeys command, CallContext context,
      ServerStreamListener listener) {
    sendEmpty(Schemas.GET_PRIMARY_KEYS_SCHEMA, listener);
  }

  @Override
  public FlightInfo getFlightInfoExportedKeys(CommandGetExportedKeys command, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(command, descriptor, Schemas.GET_EXPORTED_KEYS_SCHEMA);
  }

  @Override
  public FlightInfo getFlightInfoImportedKeys(CommandGetImportedKeys command, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(command, descriptor, Schemas.GET_IMPORTED_KEYS_SCHEMA);
  }

  @Override
  public FlightInfo getFlightInfoCrossReference(CommandGetCrossReference command, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(command, descriptor, Schemas.GET_CROSS_REFERENCE_SCHEMA);
  }

  @Override
  public void getStreamExportedKeys(CommandGetExportedKeys command, CallContext context,
      ServerStreamListener listener) {
    sendEmpty(Schemas.GET_EXPORTED_KEYS_SCHEMA, listener);
  }

  @Override
  public void getStreamImportedKeys(CommandGetImportedKeys command, CallContext context,
      ServerStreamListener listener) {
    sendEmpty(Schemas.GET_IMPORTED_KEYS_SCHEMA, listener);
  }

  @Override
  public void getStreamCrossReference(CommandGetCrossReference command, CallContext context,
      ServerStreamListener listener) {
    sendEmpty(Schemas.GET_CROSS_REFERENCE_SCHEMA, listener);
  }

  /** A catalog command's FlightInfo: one endpoint whose ticket is the command itself. */
  private static FlightInfo commandInfo(Message command, FlightDescriptor descriptor, Schema schema) {
    return new FlightInfo(schema, descriptor, List.of(new FlightEndpoint(new Ticket(pack(command)))), -1, -1);
  }

  private void send(ServerStreamListener listener, Function<BufferAllocator, VectorSchemaRoot> rows) {
    try (VectorSchemaRoot root = rows.apply(allocator)) {
      listener.start(root);
      listener.putNext();
      listener.completed();
    } catch (RuntimeException e) {
      listener.error(FlightErrors.of(e));
    }
  }

  private void sendEmpty(Schema schema, ServerStreamListener listener) {
    send(listener, a -> VectorSchemaRoot.create(schema, a));
  }

  private static byte[] pack(Message message) {
    return Any.pack(message).toByteArray();
  }

  @Override
  public void listFlights(CallContext context, Criteria criteria, StreamListener<FlightInfo> listener) {
    listener.onCompleted();
  }

  @Override
  public void close() {
    sessions.close();
  }

  /** A session option's value as text (null unless it is a string). */
  private static final class StringOption implements org.apache.arrow.flight.SessionOptionValueVisitor<String> {
    @Override
    public String visit(String value) {
      return value;
    }

    @Override
    public String visit(boolean value) {
      return null;
    }

    @Override
    public String visit(long value) {
      return null;
    }

    @Override
    public String visit(double value) {
      return null;
    }

    @Override
    public String visit(String[] value) {
      return null;
    }

    @Override
    public String visit(Void value) {
      return null;
    }
  }
}
