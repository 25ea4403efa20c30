package jp.lg.immunization.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Display names of accounts, for showing who did a step. */
@Component
public class UserDirectory {

  private final UserAccountRepository accounts;
  private final Map<String, String> names = new ConcurrentHashMap<>();

  UserDirectory(UserAccountRepository accounts) {
    this.accounts = accounts;
  }

  public String displayName(String username) {
    if (username == null) {
      return null;
    }
    return names.computeIfAbsent(username,
        name -> accounts.findById(name).map(UserAccount::displayName).orElse(name));
  }
}
