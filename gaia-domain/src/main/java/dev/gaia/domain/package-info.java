/**
 * The domain gateway: nodes join a domain, are probed before they get traffic, and the gateway
 * routes OpenAI requests across them with failover. Depends on {@code gaia-protocol} only.
 *
 * <p>Packages: {@code store} (persistent domain state: SQLite or PostgreSQL), {@code routing}
 * (node statistics and routing policies, socket-free), {@code gateway} (the HTTP server and
 * proxy), {@code tunnel} (nodes behind NAT dial out over WebSocket).
 */
package dev.gaia.domain;
