package dev.gaia.protocol.gaia;

import java.util.List;

/**
 * A citation: one retrieved passage and where it comes from. Sent as the {@code sources} array of
 * chat completions (whole responses and the first streamed chunk) and by {@code /v1/retrieve}.
 *
 * @param id the chunk id
 * @param knowledgeBase the name of the knowledge base it came from
 * @param contentId that knowledge base's content id
 * @param source the document, relative to the knowledge base's build root
 * @param title the document's title
 * @param headings the heading path of the passage
 * @param page 1-based page, or null when the document is not paged
 * @param score cosine similarity of the passage to the query
 * @param snippet the passage's text (possibly shortened)
 */
public record Source(
    String id,
    String knowledgeBase,
    String contentId,
    String source,
    String title,
    List<String> headings,
    Integer page,
    double score,
    String snippet) {
  public Source {
    headings = List.copyOf(headings);
  }
}
