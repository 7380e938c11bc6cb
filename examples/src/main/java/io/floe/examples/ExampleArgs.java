package io.floe.examples;

import java.nio.file.Path;

/** The examples' command line: {@code [--warehouse DIR]}, default {@code ./warehouse}. */
final class ExampleArgs {
  private ExampleArgs() {
  }

  static Path warehouse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--warehouse")) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException("--warehouse needs a directory");
        }
        return Path.of(args[i + 1]);
      }
      throw new IllegalArgumentException("unknown argument '" + args[i] + "' (usage: [--warehouse DIR])");
    }
    return Path.of("warehouse");
  }
}
