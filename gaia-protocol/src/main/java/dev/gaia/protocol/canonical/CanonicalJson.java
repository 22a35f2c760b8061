package dev.gaia.protocol.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme (RFC 8785): the one byte form of a JSON value that is signed
 * and hashed across the system. Object members are sorted by their names' UTF-16 code units, no
 * whitespace is written, strings are escaped as ECMAScript's {@code JSON.stringify} does, and
 * numbers are written as ECMAScript's {@code Number.prototype.toString} writes an IEEE 754 double
 * (see {@link EcmaNumbers}).
 *
 * <p>Fails with {@link IllegalArgumentException} on values I-JSON cannot carry: NaN, infinities,
 * integers that no double holds exactly (send those as strings), strings with lone surrogates, and
 * binary or POJO nodes. Stateless and thread-safe.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /** The canonical UTF-8 bytes of a JSON tree. */
  public static byte[] bytes(JsonNode node) {
    return string(node).getBytes(StandardCharsets.UTF_8);
  }

  /** The canonical bytes of any value, mapped to a tree by {@code mapper} first. */
  public static byte[] bytes(ObjectMapper mapper, Object value) {
    return bytes(mapper.valueToTree(value));
  }

  /** The canonical text of a JSON tree (its UTF-8 encoding is {@link #bytes(JsonNode)}). */
  public static String string(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case NULL, MISSING -> out.append("null");
      case BOOLEAN -> out.append(node.booleanValue());
      case STRING -> writeString(node.textValue(), out);
      case NUMBER -> out.append(number(node));
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out);
        }
        out.append(']');
      }
      case OBJECT -> {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
        // String.compareTo compares UTF-16 code units, which is exactly RFC 8785's order.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          writeString(members.get(i).getKey(), out);
          out.append(':');
          write(members.get(i).getValue(), out);
        }
        out.append('}');
      }
      case BINARY, POJO ->
          throw new IllegalArgumentException(
              "canonical JSON has no form for a " + node.getNodeType() + " node");
    }
  }

  private static String number(JsonNode node) {
    if (node.isIntegralNumber()) {
      BigInteger value = node.bigIntegerValue();
      double d = value.doubleValue();
      if (Double.isInfinite(d) || !new BigDecimal(d).toBigIntegerExact().equals(value)) {
        throw new IllegalArgumentException(
            "integer " + value + " has no exact IEEE 754 double form; send it as a string");
      }
      return EcmaNumbers.toString(d);
    }
    return EcmaNumbers.toString(node.doubleValue());
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException(
                "string has a lone surrogate U+" + Integer.toHexString(c) + " at index " + i);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
