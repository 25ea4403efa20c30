package jp.lg.immunization.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * What a new password must be (R08): long enough, not a common one, not the user ID, not close to the current one,
 * and none of the last few. Each failed rule is a Japanese message for the form.
 */
@Component
class PasswordPolicy {

  static final int MAX_LENGTH = 128;
  /** Edits (insert, delete, replace one character) within which a new password counts as the current one changed a little. */
  static final int SIMILAR_DISTANCE = 3;

  private final int minLength;
  private final int historySize;
  private final PasswordEncoder encoder;
  private final Set<String> common;

  PasswordPolicy(@Value("${immunization.security.password.min-length:12}") int minLength,
                 @Value("${immunization.security.password.history:5}") int historySize, PasswordEncoder encoder) {
    this.minLength = minLength;
    this.historySize = historySize;
    this.encoder = encoder;
    this.common = commonPasswords();
  }

  int historySize() {
    return historySize;
  }

  /** @param recentHashes the current and earlier password hashes, newest first */
  List<String> problems(String password, String current, String username, List<String> recentHashes) {
    List<String> problems = new ArrayList<>();
    if (password.length() < minLength) {
      problems.add("パスワードは" + minLength + "文字以上にしてください");
    }
    if (password.length() > MAX_LENGTH) {
      problems.add("パスワードは" + MAX_LENGTH + "文字以内にしてください");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (common.contains(lower) || password.chars().distinct().count() <= 2) {
      problems.add("よく使われる・推測されやすいパスワードのため使えません");
    }
    if (username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
      problems.add("ユーザーIDを含むパスワードは使えません");
    }
    if (current != null && !current.equals(password) && distance(lower, current.toLowerCase(Locale.ROOT)) <= SIMILAR_DISTANCE) {
      problems.add("現在のパスワードと似ているため使えません");
    }
    if (recentHashes.stream().limit(historySize).anyMatch(hash -> encoder.matches(password, hash))) {
      problems.add("最近使ったパスワード（直近" + historySize + "回）は使えません");
    }
    return problems;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        row[j] = Math.min(replace, Math.min(previous[j], row[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = row;
      row = swap;
    }
    return previous[b.length()];
  }

  private static Set<String> commonPasswords() {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
      return commonPasswords(reader.lines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The list's lines: one password each, compared in lower case; blank lines and {@code #} comments are none. */
  static Set<String> commonPasswords(Stream<String> lines) {
    return lines.map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }
}
