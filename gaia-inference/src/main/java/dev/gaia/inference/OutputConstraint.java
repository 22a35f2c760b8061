package dev.gaia.inference;

import java.util.Objects;

/** A constraint on the shape of generated text, enforced while sampling (llama.cpp grammars). */
public sealed interface OutputConstraint {

  /** Any single JSON object ({@code response_format: json_object}). */
  record AnyJsonObject() implements OutputConstraint {}

  /** JSON valid against a JSON Schema, given as its JSON text. */
  record JsonSchema(String schemaJson) implements OutputConstraint {
    public JsonSchema {
      Objects.requireNonNull(schemaJson, "schemaJson");
    }
  }

  /** A GBNF grammar. */
  record Gbnf(String grammar) implements OutputConstraint {
    public Gbnf {
      Objects.requireNonNull(grammar, "grammar");
    }
  }
}
