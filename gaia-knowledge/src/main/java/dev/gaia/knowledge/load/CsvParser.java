package dev.gaia.knowledge.load;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV with its common relaxations: fields separated by commas, records by line ends;
 * a field in double quotes may hold commas, line ends and doubled quotes ({@code ""}); a quote
 * inside an unquoted field is taken literally; lines with no characters at all are skipped.
 * Text after a closing quote and an unclosed quote are errors naming the line.
 */
final class CsvParser {
  /** One record with the 1-based line it starts on. */
  record Row(int line, List<String> cells) {
    Row {
      cells = List.copyOf(cells);
    }
  }

  private CsvParser() {}

  /** Parses text whose line ends are already {@code \n}. */
  static List<Row> parse(String text) throws UnreadableFile {
    List<Row> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int line = 1;
    int rowLine = 1;
    int i = 0;
    boolean rowHasContent = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' && cell.isEmpty()) {
        int quoteLine = line;
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new UnreadableFile("line " + quoteLine + ": quoted field never closed");
          }
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
              cell.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q == '\n') {
            line++;
          }
          cell.append(q);
          i++;
        }
        rowHasContent = true;
        if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\n') {
          throw new UnreadableFile("line " + line + ": text after a closing quote");
        }
        continue;
      }
      if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        rowHasContent = true;
      } else if (c == '\n') {
        if (rowHasContent || !cell.isEmpty()) {
          cells.add(cell.toString());
          rows.add(new Row(rowLine, cells));
        }
        cells = new ArrayList<>();
        cell.setLength(0);
        rowHasContent = false;
        line++;
        rowLine = line;
      } else {
        cell.append(c);
        rowHasContent = true;
      }
      i++;
    }
    if (rowHasContent || !cell.isEmpty()) {
      cells.add(cell.toString());
      rows.add(new Row(rowLine, cells));
    }
    return rows;
  }
}
