package dev.gaia.protocol.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gaia.protocol.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {
  private final ObjectMapper mapper = Json.newMapper();

  @Test
  void canonicalizes_the_rfc_8785_sample() throws Exception {
    // RFC 8785 §3.2.2 input and §3.2.3 output.
    String input =
        """
        {
          "numbers": [333333333.33333329, 1E30, 4.50,
                      2e-3, 0.000000000000000000000000001],
          "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
          "literals": [null, true, false]
        }
        """;
    assertThat(CanonicalJson.string(mapper.readTree(input)))
        .isEqualTo(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void sorts_members_by_utf16_code_units_as_in_rfc_8785() throws Exception {
    // RFC 8785 §3.2.3 sorting example; expected bytes are the RFC's UTF-8 hex dump.
    String input =
        """
        {
          "\\u20ac": "Euro Sign",
          "\\r": "Carriage Return",
          "\\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\\ud83d\\ude00": "Emoji: Grinning Face",
          "\\u0080": "Control",
          "\\u00f6": "Latin Small Letter O With Diaeresis"
        }
        """;
    byte[] expected =
        HexFormat.of()
            .parseHex(
                "7b225c72223a2243617272696167652052657475726e222c2231223a224f6e65222c22c280223a22"
                    + "436f6e74726f6c222c22c3b6223a224c6174696e20536d616c6c204c6574746572204f205769"
                    + "746820446961657265736973222c22e282ac223a224575726f205369676e222c22f09f9880"
                    + "223a22456d6f6a693a204772696e6e696e672046616365222c22efacb3223a224865627265"
                    + "77204c65747465722044616c6574205769746820446167657368227d");
    assertThat(CanonicalJson.bytes(mapper.readTree(input))).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // RFC 8785 Appendix B: IEEE 754 bits -> ECMAScript text (checked against V8's JSON.stringify).
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2",
  })
  void writes_numbers_as_ecmascript_does(String bits, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    assertThat(CanonicalJson.string(DoubleNode.valueOf(value))).isEqualTo(expected);
  }

  @Test
  void writes_small_and_large_exponents_in_ecmascript_layout() {
    assertThat(CanonicalJson.string(DoubleNode.valueOf(1e-7))).isEqualTo("1e-7");
    assertThat(CanonicalJson.string(DoubleNode.valueOf(1e21))).isEqualTo("1e+21");
    assertThat(CanonicalJson.string(DoubleNode.valueOf(1e20))).isEqualTo("100000000000000000000");
    assertThat(CanonicalJson.string(DoubleNode.valueOf(1.5e-7))).isEqualTo("1.5e-7");
    assertThat(CanonicalJson.string(DoubleNode.valueOf(0.1))).isEqualTo("0.1");
    assertThat(CanonicalJson.string(DoubleNode.valueOf(-0.0))).isEqualTo("0");
  }

  @Test
  void writes_integers_exactly_and_refuses_those_no_double_holds() {
    assertThat(CanonicalJson.string(LongNode.valueOf(9007199254740992L))).isEqualTo("9007199254740992");
    assertThat(CanonicalJson.string(LongNode.valueOf(-42))).isEqualTo("-42");
    assertThat(CanonicalJson.string(BigIntegerNode.valueOf(BigInteger.TEN.pow(21)))).isEqualTo("1e+21");
    assertThatThrownBy(() -> CanonicalJson.string(LongNode.valueOf(9007199254740993L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("send it as a string");
  }

  @Test
  void refuses_nan_infinity_and_lone_surrogates() {
    assertThatThrownBy(() -> CanonicalJson.string(DoubleNode.valueOf(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.string(DoubleNode.valueOf(Double.POSITIVE_INFINITY)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.string(TextNode.valueOf("a\ud800b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lone surrogate");
  }

  @Test
  void escapes_only_what_json_stringify_escapes() {
    assertThat(CanonicalJson.string(TextNode.valueOf("\u0000\u001f\b\t\n\f\r\"\\/\u007f\u2028é")))
        .isEqualTo("\"\\u0000\\u001f\\b\\t\\n\\f\\r\\\"\\\\/\u007f\u2028é\"");
  }

  record Sample(String zeta, List<Integer> alphaBeta, double ratio) {}

  @Test
  void canonicalizes_any_value_through_the_mapper() {
    byte[] bytes = CanonicalJson.bytes(mapper, new Sample("z", List.of(3, 1), 0.5));
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo("{\"alpha_beta\":[3,1],\"ratio\":0.5,\"zeta\":\"z\"}");
  }

  @Test
  void ignores_input_whitespace_and_member_order() throws Exception {
    JsonNode a = mapper.readTree("{ \"b\" : [ 1 , 2.0 ], \"a\" : { \"y\":null, \"x\":true } }");
    JsonNode b = mapper.readTree("{\"a\":{\"x\":true,\"y\":null},\"b\":[1,2]}");
    assertThat(CanonicalJson.bytes(a)).containsExactly(CanonicalJson.bytes(b));
    assertThat(CanonicalJson.string(a)).isEqualTo("{\"a\":{\"x\":true,\"y\":null},\"b\":[1,2]}");
  }
}
