package dev.gaia.inference;

/** Cumulative counters since the engine was loaded. */
public record EngineStats(
    long requests, long promptTokens, long completionTokens, int activeGenerations) {}
