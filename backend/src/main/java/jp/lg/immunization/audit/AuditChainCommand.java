package jp.lg.immunization.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar immunization-office.jar --immunization.command=verify-audit-chain}: prints the
 * verification and exits 0 when intact, 3 when broken.
 */
@Component
@ConditionalOnProperty(name = "immunization.command", havingValue = "verify-audit-chain")
class AuditChainCommand implements ApplicationRunner {

  private final AuditVerification verification;
  private final ApplicationContext context;

  AuditChainCommand(AuditVerification verification, ApplicationContext context) {
    this.verification = verification;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    AuditVerification.Result result = verification.verify();
    if (result.intact()) {
      System.out.println("Audit chain intact: " + result.checked() + " entries checked");
    } else {
      System.out.println("Audit chain BROKEN at entry " + result.firstBrokenId() + " (" + result.reason()
          + "), " + result.checked() + " entries intact before it");
    }
    int code = result.intact() ? 0 : 3;
    System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
  }
}
