package io.floe.engine.server;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The server's users: a file of {@code name = pbkdf2-sha256:<iterations>:<salt>:<hash>} lines ({@code #} starts a
 * comment). {@code java io.floe.engine.server.UserFile FILE NAME} (or {@code ./floe server --add-user NAME
 * --users FILE}) adds or replaces a user, reading the password from the console or the first line of stdin.
 */
public final class UserFile {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,128}");
  /** Verified against for unknown users, so that a wrong name costs as long as a wrong password. */
  private static final PasswordHash DECOY = PasswordHash.create("decoy".toCharArray(), PasswordHash.DEFAULT_ITERATIONS);

  private final Map<String, PasswordHash> users;

  private UserFile(Map<String, PasswordHash> users) {
    this.users = Map.copyOf(users);
  }

  /** Reads the users of {@code file}; a malformed line fails naming the file and line. */
  public static UserFile load(Path file) {
    Map<String, PasswordHash> users = new LinkedHashMap<>();
    List<String> lines = readLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String name = eq < 0 ? "" : line.substring(0, eq).strip();
      if (eq < 0 || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(file + ", line " + (i + 1) + ": expected 'name = " + PasswordHash.SCHEME
            + ":...' with a name of letters, digits and _.@-");
      }
      try {
        users.put(name, PasswordHash.parse(line.substring(eq + 1)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ", line " + (i + 1) + " (user " + name + "): " + e.getMessage(), e);
      }
    }
    return new UserFile(users);
  }

  /** Whether {@code user} exists and {@code password} is theirs. */
  public boolean verify(String user, char[] password) {
    PasswordHash hash = users.get(user);
    if (hash == null) {
      DECOY.matches(password);
      return false;
    }
    return hash.matches(password);
  }

  public int size() {
    return users.size();
  }

  /** Adds {@code user} with {@code password} to {@code file} (created if missing), replacing an existing entry. */
  public static void addUser(Path file, String user, char[] password, int iterations) {
    if (!NAME.matcher(user).matches()) {
      throw new IllegalArgumentException("a user name is 1 to 128 letters, digits and _.@-: " + user);
    }
    if (password.length == 0) {
      throw new IllegalArgumentException("the password of " + user + " is empty");
    }
    String entry = user + " = " + PasswordHash.create(password, iterations);
    List<String> lines = new ArrayList<>();
    boolean replaced = false;
    for (String line : Files.exists(file) ? readLines(file) : List.<String>of()) {
      int eq = line.indexOf('=');
      if (!line.strip().startsWith("#") && eq > 0 && line.substring(0, eq).strip().equals(user)) {
        lines.add(entry);
        replaced = true;
      } else {
        lines.add(line);
      }
    }
    if (!replaced) {
      lines.add(entry);
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".users", ".tmp");
      Files.write(temp, lines, StandardCharsets.UTF_8);
      Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the users file " + file, e);
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the users file " + file, e);
    }
  }

  /** Reads a password from the console without echo, or else the first line of stdin. */
  static char[] readPassword(String user) throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("password for %s: ", user);
      char[] again = console.readPassword("again: ");
      if (first == null || !java.util.Arrays.equals(first, again)) {
        throw new IllegalArgumentException("the passwords differ");
      }
      return first;
    }
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (line == null) {
      throw new IllegalArgumentException("no password on stdin for " + user);
    }
    return line.toCharArray();
  }

  /** {@code UserFile FILE NAME}: adds or replaces user NAME in FILE. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: UserFile USERS_FILE NAME   (password from the console or stdin)");
      System.exit(2);
    }
    addUser(Path.of(args[0]), args[1], readPassword(args[1]), PasswordHash.DEFAULT_ITERATIONS);
    System.err.println("user " + args[1] + " written to " + args[0]);
  }
}
