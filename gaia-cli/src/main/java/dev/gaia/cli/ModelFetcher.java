package dev.gaia.cli;

import dev.gaia.inference.model.CachedModel;
import dev.gaia.inference.model.DownloadListener;
import dev.gaia.inference.model.DownloadOptions;
import dev.gaia.inference.model.ModelCache;
import dev.gaia.inference.model.ModelDownloader;
import dev.gaia.inference.model.ModelSource;
import dev.gaia.inference.model.Sha256;
import dev.gaia.protocol.GaiaException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Pulls a model into a home's cache, drawing a progress bar on the terminal. */
final class ModelFetcher {
  private final ModelCache cache;
  private final PrintWriter err;

  ModelFetcher(Path modelsDir, PrintWriter err) {
    this.cache = new ModelCache(modelsDir);
    this.err = err;
  }

  CachedModel pull(ModelSource source, Optional<Sha256> sha256, boolean interactive) {
    DownloadOptions options = DownloadOptions.defaults();
    if (sha256.isPresent()) {
      options = options.withExpectedSha256(sha256.get());
    }
    Optional<CachedModel> hit = cache.find(source);
    if (hit.isPresent() && (sha256.isEmpty() || hit.get().sha256().equals(sha256.get()))) {
      return hit.get();
    }
    if (source instanceof ModelSource.Remote) {
      err.println("Downloading " + source.key());
    } else {
      err.println("Hashing " + source.key());
    }
    BarListener listener = new BarListener(source.fileName(), interactive);
    try {
      return new ModelDownloader(cache, Clock.systemUTC()).pull(source, options, listener);
    } finally {
      listener.close();
    }
  }

  /** A terminal progress bar; in a log file (not interactive) one line per 10%. */
  private final class BarListener implements DownloadListener {
    private final String name;
    private final boolean interactive;
    private ProgressBar bar;
    private long total = -1;
    private int lastDecile = -1;

    BarListener(String name, boolean interactive) {
      this.name = name;
      this.interactive = interactive;
    }

    @Override
    public void started(long totalBytes, long resumedFrom) {
      close();
      total = totalBytes;
      if (resumedFrom > 0) {
        err.println("Resuming at " + (resumedFrom >> 20) + " MiB");
      }
      if (interactive) {
        bar = new ProgressBarBuilder()
            .setTaskName(name.length() > 32 ? name.substring(0, 29) + "..." : name)
            .setInitialMax(totalBytes)
            .setUnit(" MiB", 1 << 20)
            .setStyle(ProgressBarStyle.ASCII)
            .showSpeed()
            .startsFrom(resumedFrom, java.time.Duration.ZERO)
            .build();
      }
    }

    @Override
    public void progress(long bytesSoFar) {
      if (bar != null) {
        bar.stepTo(bytesSoFar);
      } else if (total > 0) {
        int decile = (int) (bytesSoFar * 10 / total);
        if (decile != lastDecile) {
          lastDecile = decile;
          err.println(name + ": " + decile * 10 + "% of " + (total >> 20) + " MiB");
        }
      }
    }

    @Override
    public void finished(CachedModel model) {
      close();
    }

    void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }

  static GaiaException offlineHint(GaiaException e, String what) {
    return new GaiaException(
        e.kind(),
        "Could not get the " + what + ": " + e.getMessage()
            + "\nIf this machine is offline, point the node at a GGUF file you already have:"
            + "\n  ./gaia up --model /path/to/model.gguf"
            + "\n  (or: gaia node config set chat /path/to/model.gguf)",
        e.param().orElse(null),
        e.code().orElse(null),
        null,
        e);
  }
}
