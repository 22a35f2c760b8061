package dev.gaia.knowledge.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token rule every chunker uses for text longer than its limit: windows of at most {@code
 * maxTokens} tokens, each starting {@code overlapTokens} tokens (or fewer) before the previous
 * one ended. Cuts fall only between whitespace-separated pieces, never inside a word. When a
 * window fills up, the cut moves back to the last paragraph end (a blank line follows) in the
 * window's last quarter, else to the last sentence end there ({@code . ! ?} and CJK stops,
 * optionally followed by closing quotes or brackets, or a line end), else stays at the last piece
 * that fits. A single piece over the limit (a long URL) becomes a window of its own, over the
 * limit: the embedder truncates it. Spans start at a piece's first character and end at a
 * piece's last, so they never begin or end with whitespace. Immutable and thread-safe.
 */
final class TokenWindows {
  private static final Pattern PIECE = Pattern.compile("\\S+");
  // A stop (also the ellipsis and CJK stops), then any closing quotes or brackets.
  private static final Pattern SENTENCE_END =
      Pattern.compile(".*[.!?\u2026\u3002\uff01\uff1f][\"'\u2019\u201d)\\]\u00bb]*");
  private static final Pattern BLANK_LINE_AHEAD = Pattern.compile("[ \\t\\x0B\\f]*\\n[ \\t\\x0B\\f]*\\n");
  private static final Pattern LINE_END_AHEAD = Pattern.compile("[ \\t\\x0B\\f]*\\n");

  private enum End {
    WORD,
    SENTENCE,
    PARAGRAPH
  }

  private final TokenCounter counter;
  private final int maxTokens;
  private final int overlapTokens;

  TokenWindows(TokenCounter counter, int maxTokens, int overlapTokens) {
    if (maxTokens < 1 || overlapTokens < 0 || overlapTokens >= maxTokens) {
      throw new IllegalArgumentException("bad window " + maxTokens + "/" + overlapTokens);
    }
    this.counter = counter;
    this.maxTokens = maxTokens;
    this.overlapTokens = overlapTokens;
  }

  int maxTokens() {
    return maxTokens;
  }

  /** Windows over {@code text[from, to)}, in order; none when the range is all whitespace. */
  List<Span> split(String text, int from, int to) {
    List<int[]> pieces = new ArrayList<>(); // start, end
    Matcher piece = PIECE.matcher(text).region(from, to);
    while (piece.find()) {
      pieces.add(new int[] {piece.start(), piece.end()});
    }
    int n = pieces.size();
    int[] tokens = new int[n];
    End[] ends = new End[n];
    for (int i = 0; i < n; i++) {
      int start = pieces.get(i)[0];
      int end = pieces.get(i)[1];
      tokens[i] = counter.count(text.substring(start, end));
      ends[i] = endKind(text, start, end, to, i == n - 1);
    }
    List<Span> spans = new ArrayList<>();
    int first = 0;
    while (first < n) {
      int last = first;
      int sum = tokens[first];
      while (last + 1 < n && sum + tokens[last + 1] <= maxTokens) {
        last++;
        sum += tokens[last];
      }
      if (last == n - 1) {
        spans.add(new Span(pieces.get(first)[0], pieces.get(last)[1]));
        break;
      }
      int cut = preferredCut(tokens, ends, first, last);
      spans.add(new Span(pieces.get(first)[0], pieces.get(cut)[1]));
      int next = cut + 1;
      int overlap = 0;
      while (next - 1 > first && overlap + tokens[next - 1] <= overlapTokens) {
        next--;
        overlap += tokens[next];
      }
      first = next;
    }
    return spans;
  }

  /** The last paragraph end, else sentence end, in the window's last quarter; else {@code last}. */
  private int preferredCut(int[] tokens, End[] ends, int first, int last) {
    int nearEnd = maxTokens - maxTokens / 4;
    int sum = 0;
    int sentence = -1;
    int paragraph = -1;
    for (int i = first; i <= last; i++) {
      sum += tokens[i];
      if (sum >= nearEnd) {
        if (ends[i] == End.PARAGRAPH) {
          paragraph = i;
        } else if (ends[i] == End.SENTENCE) {
          sentence = i;
        }
      }
    }
    return paragraph >= 0 ? paragraph : sentence >= 0 ? sentence : last;
  }

  private static End endKind(String text, int start, int end, int to, boolean lastPiece) {
    if (lastPiece || BLANK_LINE_AHEAD.matcher(text).region(end, to).lookingAt()) {
      return End.PARAGRAPH;
    }
    if (LINE_END_AHEAD.matcher(text).region(end, to).lookingAt()
        || SENTENCE_END.matcher(text).region(start, end).matches()) {
      return End.SENTENCE;
    }
    return End.WORD;
  }
}
