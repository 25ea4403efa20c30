package jp.lg.immunization.relief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.CurrentUser;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Documents kept in a configured folder instead of PostgreSQL: the file is there, the row holds only its name. */
@IntegrationTest
class ReliefDocumentFolderTest {

  @Autowired ProcessDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReliefClaims claims;
  @Autowired ReliefEvents events;
  @Autowired CurrentUser currentUser;
  @Autowired AuditTrail audit;
  @Autowired Clock clock;
  @Autowired ReliefMinistrySimulator ministry;
  @Autowired UserDetailsService userDetails;

  @TempDir Path folder;

  @Test
  void aDocumentInTheFolderIsReadBackAndAnAlteredFileIsRefused() throws Exception {
    ReliefFixtures fixtures = new ReliefFixtures(driver, jdbc, ministry);
    ProcessInstance instance = fixtures.start(fixtures.intake(fixtures.resident(), "A", List.of("MEDICAL_EXPENSES"),
        List.of()));
    UserDetails staff1 = userDetails.loadUserByUsername("staff1");
    SecurityContextHolder.getContext().setAuthentication(
        new UsernamePasswordAuthenticationToken(staff1, null, staff1.getAuthorities()));
    try {
      check(fixtures, instance);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private void check(ReliefFixtures fixtures, ProcessInstance instance) throws Exception {
    ReliefDocuments documents = new ReliefDocuments(jdbc, claims, events, currentUser, audit, clock, 1024,
        folder.toString());
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
    long id = documents.upload(fixtures.claimId(instance), "MEDICAL_RECEIPTS", ReliefFixtures.today(), "領収書.jpg", jpeg);

    assertThat(jdbc.queryForObject("select content is null from relief_document where id = ?", Boolean.class, id)).isTrue();
    String stored = jdbc.queryForObject("select stored_path from relief_document where id = ?", String.class, id);
    assertThat(Files.readAllBytes(folder.resolve(stored))).isEqualTo(jpeg);
    assertThat(documents.content(fixtures.claimId(instance), id).contentType()).isEqualTo("image/jpeg");

    Files.write(folder.resolve(stored), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 9});
    assertThatThrownBy(() -> documents.content(fixtures.claimId(instance), id)).isInstanceOf(ApiException.class)
        .hasMessageContaining("登録時と一致しません");
    assertThatThrownBy(() -> documents.upload(fixtures.claimId(instance), "MEDICAL_RECEIPTS", ReliefFixtures.today(),
        "big.pdf", ("%PDF-" + "x".repeat(2000)).getBytes())).isInstanceOf(ApiException.class)
        .hasMessageContaining("大きすぎます");
  }
}
