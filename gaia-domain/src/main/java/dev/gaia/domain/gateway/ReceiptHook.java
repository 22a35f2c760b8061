package dev.gaia.domain.gateway;

/**
 * The place for signed per-response receipts: called once for every successful (2xx) response
 * after it has ended and its usage was recorded, on an event loop (must not block). A receipt
 * signer will sign what it is given here; the usage record carries the request id, key, node,
 * model and token counts. Thread-safe.
 */
@FunctionalInterface
public interface ReceiptHook {

  void completed(UsageRecord usage);

  /** No receipts (until the signer exists). */
  static ReceiptHook none() {
    return usage -> {};
  }
}
