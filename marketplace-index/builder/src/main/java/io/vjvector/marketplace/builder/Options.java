package io.vjvector.marketplace.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --name value} options (repeatable), {@code --flag} switches and positional arguments.
 * Unknown options are errors: a mistyped {@code --expires-days} must not silently fall back to a
 * default.
 */
final class Options {

  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final List<String> flags = new ArrayList<>();
  private final List<String> positionals = new ArrayList<>();

  static Options parse(List<String> args, Set<String> valued, Set<String> switches)
      throws UsageException {
    Options options = new Options();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        options.positionals.add(arg);
      } else if (switches.contains(arg)) {
        options.flags.add(arg);
      } else if (valued.contains(arg)) {
        if (i + 1 >= args.size()) {
          throw new UsageException(arg + " needs a value");
        }
        options.values.computeIfAbsent(arg, k -> new ArrayList<>()).add(args.get(++i));
      } else {
        throw new UsageException("unknown option " + arg);
      }
    }
    return options;
  }

  String required(String name) throws UsageException {
    return optional(name).orElseThrow(() -> new UsageException(name + " is required"));
  }

  Optional<String> optional(String name) throws UsageException {
    List<String> all = all(name);
    if (all.size() > 1) {
      throw new UsageException(name + " may be given once");
    }
    return all.stream().findFirst();
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  long number(String name, long fallback) throws UsageException {
    Optional<String> text = optional(name);
    try {
      long value = text.isPresent() ? Long.parseLong(text.get()) : fallback;
      if (value < 1) {
        throw new UsageException(name + " must be at least 1");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number, not " + text.get());
    }
  }

  List<String> positionals() {
    return positionals;
  }
}
