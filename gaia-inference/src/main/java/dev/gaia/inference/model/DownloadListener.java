package dev.gaia.inference.model;

/**
 * Progress of one pull, for a progress bar. All calls come on the pulling thread, in order {@code
 * started}, {@code progress}*, {@code finished}; {@code progress} at most about ten times a second,
 * with a final call carrying the last byte count. A pull that resumes after a dropped connection,
 * or restarts because the server ignored {@code Range}, calls {@code started} again. A cache hit
 * calls only {@code finished}. A failed pull ends with the exception, not a call. Implementations
 * should return quickly: they run between reads.
 */
public interface DownloadListener {

  /**
   * @param totalBytes the full size of the model in bytes, or -1 when the server did not say
   * @param resumedFrom bytes already on disk from an earlier attempt (0 for a fresh start)
   */
  void started(long totalBytes, long resumedFrom);

  /**
   * @param bytesSoFar bytes of the model on disk now, counting {@code resumedFrom}
   */
  void progress(long bytesSoFar);

  void finished(CachedModel model);

  /** A listener that ignores everything. */
  static DownloadListener silent() {
    return new DownloadListener() {
      @Override
      public void started(long totalBytes, long resumedFrom) {}

      @Override
      public void progress(long bytesSoFar) {}

      @Override
      public void finished(CachedModel model) {}
    };
  }
}
