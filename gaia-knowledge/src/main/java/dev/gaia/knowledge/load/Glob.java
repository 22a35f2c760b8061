package dev.gaia.knowledge.load;

import java.util.regex.Pattern;

/**
 * A path pattern in the usual {@code **}{@code /*.md} style, matched against a path relative to a
 * scanned root with {@code /} separators: {@code *} and {@code ?} stay within one folder, {@code
 * **} crosses folders and {@code **}{@code /} also matches no folder at all (so {@code
 * **}{@code /*.md} matches {@code a.md}), {@code {md,txt}} is a choice and {@code [a-z]} a class.
 * A pattern without {@code /} matches the file name in any folder, as in {@code .gitignore}.
 */
record Glob(String pattern, Pattern regex, boolean nameOnly) {

  static Glob of(String pattern) {
    if (pattern.isBlank()) {
      throw new IllegalArgumentException("empty glob");
    }
    return new Glob(pattern, Pattern.compile(toRegex(pattern)), !pattern.contains("/"));
  }

  boolean matches(String relativePath) {
    String subject = nameOnly ? relativePath.substring(relativePath.lastIndexOf('/') + 1) : relativePath;
    return regex.matcher(subject).matches();
  }

  private static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    boolean inChoice = false;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
            regex.append(slash ? "(?:.*/)?" : ".*");
            i += slash ? 2 : 1;
          } else {
            regex.append("[^/]*");
          }
        }
        case '?' -> regex.append("[^/]");
        case '{' -> {
          regex.append("(?:");
          inChoice = true;
        }
        case '}' -> {
          regex.append(inChoice ? ")" : "\\}");
          inChoice = false;
        }
        case ',' -> regex.append(inChoice ? "|" : ",");
        case '[' -> {
          int close = glob.indexOf(']', i + 2);
          if (close < 0) {
            regex.append("\\[");
          } else {
            String body = glob.substring(i + 1, close);
            if (body.startsWith("!")) {
              body = "^" + body.substring(1);
            }
            regex.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
            i = close;
          }
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (inChoice) {
      throw new IllegalArgumentException("unclosed '{' in glob " + glob);
    }
    return regex.toString();
  }
}
