package dev.gaia.testkit;

import dev.gaia.inference.gguf.GgufValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A SentencePiece-style ({@code tokenizer.ggml.model = "llama"}) vocabulary that llama.cpp
 * tokenizes English into whole words with, deterministic for a given size.
 *
 * <p>Layout: {@code <unk>} (unknown), {@code <s>}, {@code </s>}, {@code <|im_start|>}, {@code
 * <|im_end|>} (control), the 256 byte tokens {@code <0x00>..<0xFF>} (byte fallback), {@code ▁}
 * (U+2581, SentencePiece's space) and the 94 printable ASCII characters, then common English words
 * with a leading {@code ▁}, then pseudo-words ({@code ▁kalo}, ...) up to the size.
 *
 * <p>llama.cpp's SPM tokenizer starts from single characters and repeatedly merges the adjacent
 * pair whose concatenation is a token with the highest score. So each word comes with all its
 * prefixes ({@code ▁h, ▁he, ▁hel, ▁hell, ▁hello}): a merge path to the whole word. Normal tokens
 * score {@code -(rank)}, bytes score far lower, so text uses byte tokens only for characters
 * outside the vocabulary (newlines, non-ASCII).
 */
public record SyntheticVocabulary(List<String> tokens) {
  public static final int UNK_ID = 0;
  public static final int BOS_ID = 1;

  /** {@code </s>}: end of text. */
  public static final int EOS_ID = 2;

  public static final int IM_START_ID = 3;

  /** {@code <|im_end|>}: end of a ChatML turn, written as {@code tokenizer.ggml.eot_token_id}. */
  public static final int IM_END_ID = 4;

  public static final int FIRST_BYTE_ID = 5;
  public static final int FIRST_NORMAL_ID = FIRST_BYTE_ID + 256;

  /** Specials, bytes, {@code ▁} and printable ASCII. */
  public static final int MIN_SIZE = FIRST_NORMAL_ID + 1 + 94;

  /** llama.cpp {@code llama_token_type}. */
  static final int TYPE_NORMAL = 1;

  static final int TYPE_UNKNOWN = 2;
  static final int TYPE_CONTROL = 3;
  static final int TYPE_BYTE = 6;

  static final String SPACE = "\u2581";

  private static final String CONSONANTS = "bdfgklmnprstvz";
  private static final String VOWELS = "aeiou";
  private static final int SYLLABLES = CONSONANTS.length() * VOWELS.length();

  /** Most common first: with a small vocabulary only the first ones fit. */
  private static final List<String> WORDS =
      List.of(
          """
          hello world user system assistant the of and to a in is it you that he was for on are with
          as i his they be at one have this from or had by not word but what some we can out other
          were all there when up use your how said an each she which do their time if will way about
          many then them write would like so these her long make thing see him two has look more day
          could go come did number sound no most people my over know water than call first who may
          down side been now find any new work part take get place made live where after back little
          only round man year came show every good me give our under name very through just form
          sentence great think say help low line differ turn cause much mean before move right boy
          old too same tell does set three want air well also play small end put home read hand port
          large spell add even land here must big high such follow act why ask men change went light
          kind off need house picture try us again animal point mother answer question model node
          network data message token text story city river tree cat dog sun moon star sea book
          school friend food music color red blue green yes please thank thanks question explain
          short write list code java python compute language machine learn
          """
              .strip()
              .split("\\s+"));

  public SyntheticVocabulary {
    tokens = List.copyOf(tokens);
  }

  /** The first {@code size} tokens of the layout above. */
  public static SyntheticVocabulary of(int size) {
    if (size < MIN_SIZE) {
      throw new IllegalArgumentException("vocabulary size " + size + " < " + MIN_SIZE);
    }
    Builder b = new Builder(size);
    for (String s : List.of("<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>")) {
      b.add(s);
    }
    for (int i = 0; i < 256; i++) {
      b.add(String.format("<0x%02X>", i));
    }
    b.add(SPACE);
    for (char c = '!'; c <= '~'; c++) {
      b.add(String.valueOf(c));
    }
    for (String w : WORDS) {
      for (int k = 1; k <= w.length(); k++) {
        b.add(SPACE + w.substring(0, k));
      }
    }
    for (int n = SYLLABLES; !b.full(); n++) {
      b.add(SPACE + pseudoWord(n));
    }
    return new SyntheticVocabulary(b.tokens);
  }

  public int size() {
    return tokens.size();
  }

  /** {@code tokenizer.ggml.scores}. */
  GgufValue.PrimitiveArray scores() {
    float[] scores = new float[size()];
    for (int id = 0; id < scores.length; id++) {
      scores[id] =
          switch (type(id)) {
            case TYPE_BYTE -> -1e6f;
            case TYPE_NORMAL -> -(id - FIRST_NORMAL_ID);
            default -> 0f;
          };
    }
    return GgufValue.float32s(scores);
  }

  /** {@code tokenizer.ggml.token_type}. */
  GgufValue.PrimitiveArray types() {
    int[] types = new int[size()];
    for (int id = 0; id < types.length; id++) {
      types[id] = type(id);
    }
    return GgufValue.int32s(types);
  }

  static int type(int id) {
    if (id == UNK_ID) {
      return TYPE_UNKNOWN;
    }
    if (id < FIRST_BYTE_ID) {
      return TYPE_CONTROL;
    }
    return id < FIRST_NORMAL_ID ? TYPE_BYTE : TYPE_NORMAL;
  }

  /** Base-70 digits of {@code n} as consonant-vowel syllables; injective. */
  private static String pseudoWord(int n) {
    StringBuilder sb = new StringBuilder();
    for (; n > 0; n /= SYLLABLES) {
      int s = n % SYLLABLES;
      sb.append(CONSONANTS.charAt(s / VOWELS.length())).append(VOWELS.charAt(s % VOWELS.length()));
    }
    return sb.toString();
  }

  private static final class Builder {
    private final int size;
    private final List<String> tokens = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    Builder(int size) {
      this.size = size;
    }

    boolean full() {
      return tokens.size() == size;
    }

    void add(String token) {
      if (!full() && seen.add(token)) {
        tokens.add(token);
      }
    }
  }
}
