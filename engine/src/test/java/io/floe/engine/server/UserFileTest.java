package io.floe.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users file: salted hashes, replacement of a user, and errors naming the file and line. */
class UserFileTest {
  @TempDir
  Path dir;

  @Test
  void addsVerifiesAndReplacesUsers() throws Exception {
    Path file = dir.resolve("users.properties");
    UserFile.addUser(file, "ann", "first".toCharArray(), 1000);
    UserFile.addUser(file, "ben", "first".toCharArray(), 1000);
    String text = Files.readString(file);
    assertFalse(text.contains("first"), "no password in the file");
    String annHash = text.lines().filter(l -> l.startsWith("ann")).findFirst().orElseThrow();
    String benHash = text.lines().filter(l -> l.startsWith("ben")).findFirst().orElseThrow();
    assertFalse(annHash.substring(4).equals(benHash.substring(4)), "salted: equal passwords, different hashes");
    UserFile.addUser(file, "ann", "second".toCharArray(), 1000);
    UserFile users = UserFile.load(file);
    assertEquals(2, users.size());
    assertTrue(users.verify("ann", "second".toCharArray()));
    assertFalse(users.verify("ann", "first".toCharArray()));
    assertTrue(users.verify("ben", "first".toCharArray()));
    assertFalse(users.verify("nobody", "first".toCharArray()));
  }

  @Test
  void aMalformedLineIsNamed() throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "# users\nann = pbkdf2-sha256:1000:AAAA\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UserFile.load(file));
    assertTrue(e.getMessage().startsWith(file + ", line 2 (user ann): a password hash must look like"), e.getMessage());
  }
}
