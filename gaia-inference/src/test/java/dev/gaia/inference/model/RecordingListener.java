package dev.gaia.inference.model;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every listener call, and the thread it came on, for assertions. */
class RecordingListener implements DownloadListener {
  record Started(long totalBytes, long resumedFrom) {}

  final List<Started> starts = new CopyOnWriteArrayList<>();
  final List<Long> progress = new CopyOnWriteArrayList<>();
  final List<CachedModel> finished = new CopyOnWriteArrayList<>();
  final List<Thread> threads = new CopyOnWriteArrayList<>();

  @Override
  public void started(long totalBytes, long resumedFrom) {
    threads.add(Thread.currentThread());
    starts.add(new Started(totalBytes, resumedFrom));
  }

  @Override
  public void progress(long bytesSoFar) {
    threads.add(Thread.currentThread());
    progress.add(bytesSoFar);
  }

  @Override
  public void finished(CachedModel model) {
    threads.add(Thread.currentThread());
    finished.add(model);
  }
}
