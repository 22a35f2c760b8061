package dev.gaia.domain.store;

/**
 * Sums over usage entries.
 *
 * @param requests how many entries (responses) were summed
 */
public record UsageTotals(long requests, long promptTokens, long completionTokens) {
  public static final UsageTotals ZERO = new UsageTotals(0, 0, 0);

  public UsageTotals {
    if (requests < 0 || promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException("usage totals are not negative");
    }
  }

  /** Prompt plus completion tokens. */
  public long totalTokens() {
    return promptTokens + completionTokens;
  }

  UsageTotals plus(UsageEntry e) {
    return new UsageTotals(requests + 1, promptTokens + e.promptTokens(), completionTokens + e.completionTokens());
  }
}
