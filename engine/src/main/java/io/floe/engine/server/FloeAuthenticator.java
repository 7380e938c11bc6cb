package io.floe.engine.server;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.AuthUtilities;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;

/**
 * Authenticates every call: {@code Basic} user and password (checked against the {@link UserFile}) open a new
 * session and answer with its bearer token; {@code Bearer} tokens find their session. A call's peer identity is its
 * session id. Without a user file (authentication off), any user name is accepted and calls without credentials
 * share one anonymous session. A {@code schema} header chooses a new session's default schema.
 */
final class FloeAuthenticator implements CallHeaderAuthenticator {
  static final String SCHEMA_HEADER = "schema";

  private final UserFile users;
  private final ClientSessions sessions;

  /** {@code users} null turns authentication off. */
  FloeAuthenticator(UserFile users, ClientSessions sessions) {
    this.users = users;
    this.sessions = sessions;
  }

  @Override
  public AuthResult authenticate(CallHeaders headers) {
    ClientSession session;
    boolean newSession = false;
    String bearer = AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BEARER_PREFIX);
    String basic = AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BASIC_PREFIX);
    if (bearer != null) {
      session = sessions.byToken(bearer).orElseThrow(() -> CallStatus.UNAUTHENTICATED
          .withDescription("unknown or expired session token: connect again").toRuntimeException());
    } else if (basic != null) {
      session = sessions.open(login(basic));
      newSession = true;
    } else if (users == null) {
      session = sessions.anonymous();
    } else {
      throw CallStatus.UNAUTHENTICATED
          .withDescription("authentication required: connect with a user name and password").toRuntimeException();
    }
    session.offerSchema(headers.get(SCHEMA_HEADER));
    return new SessionResult(session, newSession);
  }

  private String login(String basic) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(basic), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw CallStatus.UNAUTHENTICATED.withDescription("malformed Basic credentials").withCause(e)
          .toRuntimeException();
    }
    int colon = decoded.indexOf(':');
    String user = colon < 0 ? decoded : decoded.substring(0, colon);
    char[] password = colon < 0 ? new char[0] : decoded.substring(colon + 1).toCharArray();
    try {
      if (users != null && !users.verify(user, password)) {
        throw CallStatus.UNAUTHENTICATED.withDescription("wrong user name or password").toRuntimeException();
      }
      return user.isEmpty() ? "anonymous" : user;
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** The session of a call; a new session's token goes back to the client as {@code Bearer}. */
  private record SessionResult(ClientSession session, boolean newSession) implements AuthResult {
    @Override
    public String getPeerIdentity() {
      return session.id();
    }

    @Override
    public void appendToOutgoingHeaders(CallHeaders outgoing) {
      if (newSession) {
        outgoing.insert(Auth2Constants.AUTHORIZATION_HEADER, Auth2Constants.BEARER_PREFIX + session.token());
      }
    }
  }
}
