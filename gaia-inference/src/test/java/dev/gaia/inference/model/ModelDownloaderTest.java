package dev.gaia.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDownloaderTest {
  /** Seed of the served bytes; every test's content is reproducible from it. */
  private static final long SEED = 0x6A1A_2025L;

  private static final int FOUR_MIB = 4 << 20;
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  @TempDir Path root;

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private ModelFileServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private ModelFileServer serve(int size) throws IOException {
    byte[] bytes = new byte[size];
    new Random(SEED + size).nextBytes(bytes);
    server = ModelFileServer.start(bytes);
    return server;
  }

  private ModelDownloader downloader() {
    return new ModelDownloader(new ModelCache(root), clock);
  }

  private static DownloadOptions fast() {
    return DownloadOptions.defaults().withIdleTimeout(Duration.ofSeconds(5));
  }

  private ModelSource.Remote remote(String path) {
    return new ModelSource.Remote(server.uri(path));
  }

  private List<Path> filesUnder(String folder) throws IOException {
    Path dir = root.resolve(folder);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private static Sha256 sha256Of(byte[] bytes) {
    var digest = Sha256.newDigest();
    digest.update(bytes);
    return Sha256.of(digest);
  }

  private List<Path> partFiles() throws IOException {
    return filesUnder("partial").stream().filter(p -> p.toString().endsWith(".part")).toList();
  }

  @Test
  void downloads_verifies_and_stores_the_blob_under_its_sha256() throws IOException {
    serve(FOUR_MIB);
    var listener = new RecordingListener();

    CachedModel model = downloader().pull(remote("/models/tiny.gguf"), fast(), listener);

    assertThat(model.sha256().hex()).isEqualTo(server.sha256);
    assertThat(model.path()).isEqualTo(root.resolve("blobs/sha256/" + server.sha256));
    assertThat(Files.readAllBytes(model.path())).isEqualTo(server.content);
    assertThat(model.fileName()).isEqualTo("tiny.gguf");
    assertThat(model.size()).isEqualTo(FOUR_MIB);
    assertThat(model.fetchedAt()).isEqualTo(NOW);
    assertThat(listener.starts).containsExactly(new RecordingListener.Started(FOUR_MIB, 0));
    assertThat(listener.progress).isNotEmpty().isSorted().last().isEqualTo((long) FOUR_MIB);
    assertThat(listener.finished).containsExactly(model);
    assertThat(listener.threads).containsOnly(Thread.currentThread());
    assertThat(partFiles()).isEmpty();
  }

  @Test
  void resumes_with_range_in_the_same_pull_after_the_server_drops_the_connection()
      throws IOException {
    serve(FOUR_MIB);
    server.drops.set(1);
    server.dropAfterBytes = FOUR_MIB / 2;
    var listener = new RecordingListener();

    CachedModel model = downloader().pull(remote("/models/m.gguf"), fast(), listener);

    assertThat(model.sha256().hex()).isEqualTo(server.sha256);
    assertThat(server.requests).hasSize(2);
    assertThat(server.requests.get(0).range()).isNull();
    assertThat(server.requests.get(1).range()).matches("bytes=\\d+-");
    assertThat(server.bytesSent.get()).isLessThan(FOUR_MIB * 3L / 2);
    assertThat(listener.starts).hasSize(2);
    assertThat(listener.starts.get(1).resumedFrom()).isPositive();
  }

  @Test
  void a_failed_pull_keeps_the_part_file_and_the_next_pull_resumes_it() throws IOException {
    serve(FOUR_MIB);
    server.etag = "\"v1\"";
    server.drops.set(1);
    server.dropAfterBytes = FOUR_MIB / 2;
    var source = remote("/models/m.gguf");

    var failure =
        catchThrowableOfType(
            GaiaException.class,
            () -> downloader().pull(source, fast().withMaxAttempts(1), new RecordingListener()));
    assertThat(failure.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(failure.getMessage()).contains(source.key()).contains("pull again to resume");
    assertThat(partFiles()).singleElement().satisfies(p -> assertThat(Files.size(p)).isPositive());
    assertThat(filesUnder("blobs")).isEmpty();

    CachedModel model = downloader().pull(source, fast(), new RecordingListener());

    assertThat(Files.readAllBytes(model.path())).isEqualTo(server.content);
    assertThat(server.requests).hasSize(2);
    assertThat(server.requests.get(1).range()).startsWith("bytes=");
    assertThat(server.requests.get(1).ifRange()).isEqualTo("\"v1\"");
    assertThat(server.bytesSent.get()).isLessThan(FOUR_MIB * 3L / 2);
    assertThat(partFiles()).isEmpty();
  }

  @Test
  void restarts_from_zero_when_the_server_ignores_range() throws IOException {
    serve(FOUR_MIB);
    server.honorRange = false;
    server.drops.set(1);
    server.dropAfterBytes = FOUR_MIB / 2;
    var listener = new RecordingListener();

    CachedModel model = downloader().pull(remote("/models/m.gguf"), fast(), listener);

    assertThat(Files.readAllBytes(model.path())).isEqualTo(server.content);
    assertThat(server.requestsWithRange()).isEqualTo(1);
    assertThat(listener.starts)
        .extracting(RecordingListener.Started::resumedFrom)
        .containsExactly(0L, 0L);
  }

  @Test
  void restarts_from_zero_when_the_etag_changed_since_the_part_was_written() throws IOException {
    serve(FOUR_MIB);
    server.etag = "\"v1\"";
    server.drops.set(1);
    server.dropAfterBytes = FOUR_MIB / 2;
    var source = remote("/models/m.gguf");
    assertThatThrownBy(
            () -> downloader().pull(source, fast().withMaxAttempts(1), new RecordingListener()))
        .isInstanceOf(GaiaException.class);

    server.etag = "\"v2\""; // If-Range no longer holds: the server answers 200 with everything
    CachedModel model = downloader().pull(source, fast(), new RecordingListener());

    assertThat(Files.readAllBytes(model.path())).isEqualTo(server.content);
    assertThat(server.requests.get(1).ifRange()).isEqualTo("\"v1\"");
  }

  @Test
  void wrong_expected_checksum_fails_and_leaves_no_file_behind() throws IOException {
    serve(FOUR_MIB);
    Sha256 wrong = new Sha256("ab".repeat(32));

    var failure =
        catchThrowableOfType(
            GaiaException.class,
            () ->
                downloader()
                    .pull(
                        remote("/models/m.gguf"),
                        fast().withExpectedSha256(wrong),
                        new RecordingListener()));

    assertThat(failure.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
    assertThat(failure.getMessage())
        .contains(wrong.hex())
        .contains(server.sha256)
        .contains("the caller");
    assertThat(filesUnder("blobs")).isEmpty();
    assertThat(partFiles()).isEmpty();
    assertThat(new ModelCache(root).list()).isEmpty();
  }

  @Test
  void uses_the_x_linked_etag_of_a_redirect_as_expected_hash() throws IOException {
    serve(FOUR_MIB);
    server.linkedEtag = "\"" + server.sha256 + "\"";

    CachedModel model =
        downloader().pull(remote("/redirect/m.gguf"), fast(), new RecordingListener());

    assertThat(model.sha256().hex()).isEqualTo(server.sha256);
    assertThat(server.requests)
        .extracting(ModelFileServer.Request::path)
        .containsExactly("/redirect/m.gguf", "/models/m.gguf");
  }

  @Test
  void detects_a_mismatch_with_the_x_linked_etag() throws IOException {
    serve(FOUR_MIB);
    String advertised = "0123456789abcdef".repeat(4);
    server.linkedEtag = "\"" + advertised + "\"";

    assertThatThrownBy(
            () -> downloader().pull(remote("/redirect/m.gguf"), fast(), new RecordingListener()))
        .isInstanceOf(GaiaException.class)
        .hasMessageContaining(advertised)
        .hasMessageContaining(server.sha256)
        .hasMessageContaining("X-Linked-Etag");
    assertThat(filesUnder("blobs")).isEmpty();
    assertThat(partFiles()).isEmpty();
  }

  @Test
  void detects_a_mismatch_with_a_sha256_etag() throws IOException {
    serve(1 << 20);
    server.etag = "\"" + "cd".repeat(32) + "\"";

    assertThatThrownBy(
            () -> downloader().pull(remote("/models/m.gguf"), fast(), new RecordingListener()))
        .isInstanceOf(GaiaException.class)
        .hasMessageContaining("cd".repeat(32))
        .hasMessageContaining("ETag");
  }

  @Test
  void not_found_names_the_status_and_the_url() throws IOException {
    serve(1024);
    var source = remote("/nothing/here.gguf");

    var failure =
        catchThrowableOfType(
            GaiaException.class, () -> downloader().pull(source, fast(), new RecordingListener()));

    assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(failure.getMessage())
        .contains("404")
        .contains(source.key())
        .contains("Entry not found");
    assertThat(partFiles()).isEmpty();
  }

  @Test
  void a_slow_but_moving_server_succeeds_with_throttled_increasing_progress() throws IOException {
    serve(1 << 20);
    server.chunkDelayMillis = 90; // 16 chunks of 64 KiB: about 1.4 s in all
    var listener = new RecordingListener();
    long started = System.nanoTime();

    CachedModel model =
        downloader()
            .pull(
                remote("/models/slow.gguf"),
                fast().withIdleTimeout(Duration.ofMillis(500)),
                listener);

    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(model.sha256().hex()).isEqualTo(server.sha256);
    assertThat(listener.progress).doesNotHaveDuplicates().isSorted();
    assertThat(listener.progress).last().isEqualTo(1L << 20);
    assertThat(listener.progress.size())
        .isGreaterThan(3)
        .isLessThanOrEqualTo((int) (seconds * 10) + 2);
  }

  @Test
  void a_stalled_server_fails_after_the_idle_timeout_and_keeps_the_part() throws IOException {
    serve(FOUR_MIB);
    server.stallAfterBytes = 64 * 1024;
    long started = System.nanoTime();

    var failure =
        catchThrowableOfType(
            GaiaException.class,
            () ->
                downloader()
                    .pull(
                        remote("/models/m.gguf"),
                        fast().withIdleTimeout(Duration.ofMillis(500)),
                        new RecordingListener()));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    assertThat(failure.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(failure.getMessage()).contains("stalled").contains("500 ms");
    assertThat(partFiles()).singleElement().satisfies(p -> assertThat(Files.size(p)).isPositive());
  }

  @Test
  void an_interrupted_pull_keeps_the_part_for_the_next_pull() throws Exception {
    serve(1 << 20);
    server.chunkDelayMillis = 50;
    var source = remote("/models/m.gguf");
    var listener =
        new RecordingListener() {
          @Override
          public void progress(long bytesSoFar) {
            super.progress(bytesSoFar);
            Thread.currentThread().interrupt(); // as if a Ctrl-C handler interrupted the pull
          }
        };

    var failure =
        catchThrowableOfType(
            GaiaException.class, () -> downloader().pull(source, fast(), listener));

    assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
    assertThat(failure.code()).contains("interrupted");
    assertThat(partFiles()).singleElement().satisfies(p -> assertThat(Files.size(p)).isPositive());

    server.chunkDelayMillis = 0;
    CachedModel model = downloader().pull(source, fast(), new RecordingListener());
    assertThat(Files.readAllBytes(model.path())).isEqualTo(server.content);
    assertThat(server.requests.getLast().range()).startsWith("bytes=");
  }

  @Test
  void a_second_pull_of_the_same_source_is_a_cache_hit_without_a_request() throws IOException {
    serve(1 << 20);
    var source = remote("/models/m.gguf");
    CachedModel first = downloader().pull(source, fast(), new RecordingListener());
    var listener = new RecordingListener();

    CachedModel second = downloader().pull(source, fast(), listener);

    assertThat(second).isEqualTo(first);
    assertThat(server.requests).hasSize(1);
    assertThat(listener.starts).isEmpty();
    assertThat(listener.finished).containsExactly(first);
  }

  @Test
  void a_known_expected_hash_is_served_from_the_blob_store_without_a_request() throws IOException {
    serve(1 << 20);
    downloader().pull(remote("/models/a.gguf"), fast(), new RecordingListener());

    CachedModel other =
        downloader()
            .pull(
                remote("/models/b.gguf"),
                fast().withExpectedSha256(new Sha256(server.sha256)),
                new RecordingListener());

    assertThat(other.fileName()).isEqualTo("b.gguf");
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void concurrent_pulls_of_one_url_download_it_once() throws Exception {
    serve(1 << 20);
    server.chunkDelayMillis = 10;
    var source = remote("/models/m.gguf");
    ModelDownloader downloader = downloader();

    try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
      List<Future<CachedModel>> pulls =
          Stream.generate(
                  () -> pool.submit(() -> downloader.pull(source, fast(), new RecordingListener())))
              .limit(3)
              .toList();
      for (Future<CachedModel> pull : pulls) {
        assertThat(pull.get().sha256().hex()).isEqualTo(server.sha256);
      }
    }
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void index_round_trips_through_a_fresh_cache() throws IOException {
    serve(1 << 20);
    var source = remote("/models/m.gguf");
    CachedModel model = downloader().pull(source, fast(), new RecordingListener());

    ModelCache reopened = new ModelCache(root);

    assertThat(reopened.find(source)).contains(model);
    assertThat(reopened.list()).containsExactly(model);
    assertThat(reopened.path(model.sha256())).contains(model.path());
    assertThat(Files.readString(root.resolve("index.json"))).contains(source.key());
  }

  @Test
  void an_entry_whose_blob_was_deleted_is_not_found_and_is_pulled_again() throws IOException {
    serve(1 << 20);
    var source = remote("/models/m.gguf");
    CachedModel model = downloader().pull(source, fast(), new RecordingListener());
    Files.delete(model.path());

    assertThat(new ModelCache(root).find(source)).isEmpty();
    downloader().pull(source, fast(), new RecordingListener());
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void a_local_file_is_hashed_and_referenced_in_place() throws IOException {
    byte[] bytes = new byte[3 << 20];
    new Random(SEED).nextBytes(bytes);
    Path file = Files.write(root.resolve("local model.gguf"), bytes);
    var source = ModelSource.parse(file.toString());
    var listener = new RecordingListener();

    CachedModel model = downloader().pull(source, DownloadOptions.defaults(), listener);

    assertThat(model.path()).isEqualTo(file);
    assertThat(model.sha256()).isEqualTo(sha256Of(bytes));
    assertThat(model.fileName()).isEqualTo("local model.gguf");
    assertThat(listener.progress).last().isEqualTo((long) bytes.length);
    assertThat(filesUnder("blobs")).isEmpty();

    var again = new RecordingListener();
    assertThat(downloader().pull(source, DownloadOptions.defaults(), again)).isEqualTo(model);
    assertThat(again.starts).as("unchanged file is not hashed again").isEmpty();
    assertThat(new ModelCache(root).path(model.sha256())).contains(file);
  }

  @Test
  void a_changed_local_file_is_hashed_again() throws IOException {
    Path file = Files.write(root.resolve("m.gguf"), new byte[] {1, 2, 3});
    var source = ModelSource.parse(file.toString());
    CachedModel first =
        downloader().pull(source, DownloadOptions.defaults(), new RecordingListener());

    Files.write(file, new byte[] {1, 2, 3, 4});

    CachedModel second =
        downloader().pull(source, DownloadOptions.defaults(), new RecordingListener());
    assertThat(second.sha256()).isNotEqualTo(first.sha256());
    assertThat(new ModelCache(root).list()).containsExactly(second);
  }

  @Test
  void a_local_file_with_the_wrong_expected_hash_fails_and_is_left_alone() throws IOException {
    Path file = Files.write(root.resolve("m.gguf"), new byte[] {1, 2, 3});
    Sha256 wrong = new Sha256("00".repeat(32));

    assertThatThrownBy(
            () ->
                downloader()
                    .pull(
                        ModelSource.parse(file.toString()),
                        DownloadOptions.defaults().withExpectedSha256(wrong),
                        new RecordingListener()))
        .isInstanceOf(GaiaException.class)
        .hasMessageContaining(wrong.hex());
    assertThat(file).exists();
  }
}
