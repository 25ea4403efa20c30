package jp.lg.immunization.kpi;

import java.util.Map;
import java.util.TreeMap;

/**
 * Durations counted in logarithmic buckets (SQL function kpi_duration_bucket): bucket i holds (γ^(i-1), γ^i] seconds
 * with γ = 1.02. A percentile is the bucket holding the nearest-rank value, reported as 2γ^i/(γ+1), which is within
 * (γ-1)/(γ+1) < 1% of that value, however many days of roll-ups were added together.
 */
final class DurationSketch {

  static final double GAMMA = 1.02;
  static final double RELATIVE_ERROR = (GAMMA - 1) / (GAMMA + 1);

  private final TreeMap<Integer, Long> counts = new TreeMap<>();
  private long total;

  void add(int bucket, long count) {
    counts.merge(bucket, count, Long::sum);
    total += count;
  }

  /** The nearest-rank percentile (as PostgreSQL's percentile_disc) in seconds, or null without durations. */
  Double percentileSeconds(double fraction) {
    if (total == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(fraction * total));
    long seen = 0;
    for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
      seen += bucket.getValue();
      if (seen >= rank) {
        return 2 * Math.pow(GAMMA, bucket.getKey()) / (GAMMA + 1);
      }
    }
    throw new IllegalStateException("counts do not add up to " + total);
  }
}
