package jp.lg.immunization.benchmark;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which figures of the benchmark to run, so that a change to one line can be measured before and after without the
 * whole run: {@code -Dbenchmark.figures=2,6}. Empty: every figure.
 */
record Figures(Set<Integer> numbers) {

  static Figures of(String list) {
    return new Figures(Arrays.stream(list.split(",")).map(String::trim).filter(part -> !part.isEmpty())
        .map(Integer::valueOf).collect(Collectors.toUnmodifiableSet()));
  }

  boolean selected(int figure) {
    return numbers.isEmpty() || numbers.contains(figure);
  }

  String describe() {
    return numbers.isEmpty() ? "" : "   figures " + numbers.stream().sorted().map(String::valueOf)
        .collect(Collectors.joining(",")) + " only (-Dbenchmark.figures)";
  }
}
