package dev.gaia.knowledge.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV in Gaia's convention: one block per row, which the csv chunker turns into one chunk. A
 * block's {@code fields} hold every cell by its 0-based column index ({@code "0"}, {@code "1"},
 * ...) and, when the file has a header row, also by the header's name; its text is the row's
 * non-blank cells, one per line. Rows whose cells are all blank are skipped. Title: the file
 * name.
 */
final class CsvLoader implements FormatLoader {
  private final boolean header;

  /** @param header whether the first row names the columns rather than being data */
  CsvLoader(boolean header) {
    this.header = header;
  }

  @Override
  public Parsed parse(byte[] bytes, String fileName) throws UnreadableFile {
    List<CsvParser.Row> rows = CsvParser.parse(Utf8Text.decode(bytes));
    List<String> names = List.of();
    if (header && !rows.isEmpty()) {
      names = rows.getFirst().cells().stream().map(String::strip).toList();
      rows = rows.subList(1, rows.size());
    }
    BlockList blocks = new BlockList();
    for (CsvParser.Row row : rows) {
      Map<String, String> fields = new HashMap<>();
      List<String> texts = new ArrayList<>();
      for (int column = 0; column < row.cells().size(); column++) {
        String value = row.cells().get(column).strip();
        if (column < names.size() && !names.get(column).isEmpty()) {
          fields.putIfAbsent(names.get(column), value);
        }
        if (!value.isEmpty()) {
          texts.add(value);
        }
      }
      // Indexes last, so a header literally named "1" cannot hide column 1.
      for (int column = 0; column < row.cells().size(); column++) {
        fields.put(Integer.toString(column), row.cells().get(column).strip());
      }
      blocks.add(String.join("\n", texts), List.of(), 0, fields);
    }
    return new Parsed(fileName, blocks.blocks());
  }
}
