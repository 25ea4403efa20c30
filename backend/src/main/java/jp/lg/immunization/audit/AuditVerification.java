package jp.lg.immunization.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Walks the chain in order and names the first entry whose content or link does not match. */
@Service
class AuditVerification {

  /** {@code lastId} and {@code lastHash}: the last entry of the intact part of the chain, null for an empty one. */
  record Result(boolean intact, long checked, Long firstBrokenId, String reason, Long lastId, String lastHash) {}

  private final JdbcTemplate jdbc;

  AuditVerification(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  Result verify() {
    ChainWalker walker = new ChainWalker();
    jdbc.query(con -> {
      var statement = con.prepareStatement("""
          select id, occurred_at, username, operation, resident_id, client_address, detail, previous_hash, hash
          from audit_event order by id""");
      statement.setFetchSize(5_000);
      return statement;
    }, walker);
    return walker.result();
  }

  private static final class ChainWalker implements RowCallbackHandler {
    private String expectedPrevious = AuditChain.GENESIS;
    private long checked;
    private Long brokenId;
    private String reason;
    private Long lastId;

    @Override
    public void processRow(ResultSet rs) throws SQLException {
      if (brokenId != null) {
        return;
      }
      long residentId = rs.getLong("resident_id");
      boolean noResident = rs.wasNull();
      AuditEntry entry = new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
          rs.getString("username"), rs.getString("operation"), noResident ? null : residentId,
          rs.getString("client_address"), rs.getString("detail"), rs.getString("previous_hash"));
      String storedHash = rs.getString("hash");
      if (!entry.previousHash().equals(expectedPrevious)) {
        brokenId = entry.id();
        reason = "前の記録との連結が一致しません（記録の削除または改ざん）";
      } else if (!AuditChain.hash(entry).equals(storedHash)) {
        brokenId = entry.id();
        reason = "記録の内容がハッシュと一致しません（改ざん）";
      } else {
        checked++;
        expectedPrevious = storedHash;
        lastId = entry.id();
      }
    }

    Result result() {
      return new Result(brokenId == null, checked, brokenId, reason, lastId, lastId == null ? null : expectedPrevious);
    }
  }
}
