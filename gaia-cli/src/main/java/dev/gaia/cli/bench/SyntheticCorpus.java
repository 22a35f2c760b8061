package dev.gaia.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded Markdown documents of English-looking prose for the ingest benchmark: a title, three
 * to five sections, each of two to four paragraphs of three to six sentences of 8 to 18 common
 * words (about 800 word pieces, three or four 256-token chunks per document). The same seed
 * writes the same files.
 */
final class SyntheticCorpus {
  private static final String[] WORDS = ("the of and to in is that for it as with was on be by this are or from at "
      + "an which have not they but all can will one more their there when would been has what about if into "
      + "some out them other time only then these two may could first any new like our over such where most "
      + "after also made many before must through back years much should well people between each under "
      + "node model server request response token stream memory disk network port file folder package index "
      + "query answer question document chunk vector search embedding passage source update release version "
      + "setting option command default value limit error log cache batch thread process machine install "
      + "configure start stop restart check run build read write open close send receive connect domain "
      + "reward payment wallet address key signature secure private public local remote user client gateway "
      + "knowledge base handbook guide section page table list example note warning always never usually "
      + "quickly slowly carefully simply large small fast slow long short old recent same different every "
      + "several important available required optional possible because while although until unless")
      .split(" ");

  private SyntheticCorpus() {}

  /** Writes {@code documents} files {@code doc-NNNN.md} into {@code dir} (created if missing). */
  static void write(Path dir, int documents, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    try {
      Files.createDirectories(dir);
      for (int d = 0; d < documents; d++) {
        Files.writeString(dir.resolve(String.format(Locale.ROOT, "doc-%04d.md", d)), document(random));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the synthetic corpus to " + dir + ": " + e.getMessage(), e);
    }
  }

  static String document(SplittableRandom random) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title(random, 4)).append("\n\n");
    int sections = 3 + random.nextInt(3);
    for (int s = 0; s < sections; s++) {
      md.append("## ").append(title(random, 3)).append("\n\n");
      int paragraphs = 2 + random.nextInt(3);
      for (int p = 0; p < paragraphs; p++) {
        int sentences = 3 + random.nextInt(4);
        for (int n = 0; n < sentences; n++) {
          md.append(n == 0 ? "" : " ").append(sentence(random));
        }
        md.append("\n\n");
      }
    }
    return md.toString();
  }

  private static String title(SplittableRandom random, int words) {
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < words; i++) {
      t.append(i == 0 ? "" : " ").append(capitalised(word(random)));
    }
    return t.toString();
  }

  private static String sentence(SplittableRandom random) {
    int words = 8 + random.nextInt(11);
    StringBuilder s = new StringBuilder(capitalised(word(random)));
    for (int i = 1; i < words; i++) {
      s.append(random.nextInt(12) == 0 ? ", " : " ").append(word(random));
    }
    return s.append('.').toString();
  }

  private static String word(SplittableRandom random) {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static String capitalised(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
