package dev.gaia.cli.bench;

import java.util.List;

/**
 * Medians over repeated single-stream runs.
 *
 * @param promptRate prompt tokens per second (prompt tokens over time to first token)
 * @param generationRate generated tokens per second after the first
 * @param firstTokenMillis time to first token, milliseconds
 * @param runs how many runs the medians are over
 */
record SingleStreamResult(double promptRate, double generationRate, double firstTokenMillis, int runs) {

  static SingleStreamResult medianOf(List<StreamSample> samples) {
    return new SingleStreamResult(
        Median.of(samples.stream().map(StreamSample::promptRate).toList()),
        Median.of(samples.stream().map(StreamSample::generationRate).toList()),
        Median.of(samples.stream().map(StreamSample::firstTokenMillis).toList()),
        samples.size());
  }
}
