package jp.lg.immunization.security;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, String> {

  @Query(value = "select count(*) > 0 from app_user where 'ADMIN' = any(roles) and enabled", nativeQuery = true)
  boolean anyEnabledAdmin();

  @Modifying
  @Query(value = "delete from app_user where demo", nativeQuery = true)
  int deleteDemoAccounts();
}
