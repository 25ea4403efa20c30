package jp.lg.immunization.security;

import java.util.Set;

/** The application's roles. Each maps to Camunda candidate groups: a supervisor can also do staff work. */
public enum Role {
  STAFF("担当職員", Set.of("staff")),
  SUPERVISOR("上長", Set.of("supervisor", "staff")),
  MANAGER("管理者", Set.of()),
  AUDITOR("セキュリティ責任者", Set.of()),
  ADMIN("システム管理者", Set.of());

  private final String label;
  private final Set<String> candidateGroups;

  Role(String label, Set<String> candidateGroups) {
    this.label = label;
    this.candidateGroups = candidateGroups;
  }

  public String label() {
    return label;
  }

  public Set<String> candidateGroups() {
    return candidateGroups;
  }

  /** Works on cases (and so on residents' data): only in a department of this affair (R06). */
  public boolean isCaseWork() {
    return !candidateGroups.isEmpty();
  }
}
