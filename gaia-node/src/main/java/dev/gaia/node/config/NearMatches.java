package dev.gaia.node.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the known names a mistyped one was probably meant to be, for "did you mean" messages. */
final class NearMatches {
  private NearMatches() {}

  /**
   * Up to three of {@code known}, closest first: those within an edit distance of a quarter of
   * the longer name (at least 2), or that contain {@code typed} (3 characters or more).
   */
  static List<String> of(String typed, Collection<String> known) {
    String t = typed.toLowerCase(Locale.ROOT);
    return known.stream()
        .filter(k -> isNear(t, k))
        .sorted(Comparator.comparingInt((String k) -> distance(t, k)).thenComparing(k -> k))
        .limit(3)
        .toList();
  }

  private static boolean isNear(String typed, String known) {
    if (typed.isEmpty()) {
      return false;
    }
    int budget = Math.max(2, Math.max(typed.length(), known.length()) / 4);
    return distance(typed, known) <= budget || (typed.length() >= 3 && known.contains(typed));
  }

  /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(substitution, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }

  /** "did you mean x or y?", or an empty string when nothing is near. */
  static String hint(String typed, Collection<String> known) {
    List<String> near = of(typed, known);
    return near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)";
  }
}
