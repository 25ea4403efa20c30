package jp.lg.immunization.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the chain in order and names the first entry whose content or link does not match, whose link is not the
 * keyed MAC, or which disagrees with a signed checkpoint kept outside the database; a chain that ends before the last
 * checkpoint has lost its tail. A verification writes a new checkpoint first. Every stripe is a chain of its own: the
 * walk goes through the entries in the order of their ids, which within a stripe is the order they were linked in, and
 * follows each stripe from its own genesis.
 */
@Service
class AuditVerification {

  /**
   * {@code lastId} and {@code lastHash}: the last entry (of all stripes) of the intact part of the chain, null for an
   * empty one;
   * {@code checkpoints}: how many signed checkpoints outside the database it was checked against.
   */
  record Result(boolean intact, long checked, Long firstBrokenId, String reason, Long lastId, String lastHash,
                int checkpoints) {}

  static final String LINK_BROKEN = "前の記録との連結が一致しません（記録の削除または改ざん）";
  static final String CONTENT_CHANGED = "記録の内容がMACと一致しません（改ざん）";
  static final String UNKEYED_AFTER_KEYED = "鍵付きの記録の後に鍵のない記録があります（改ざん）";
  static final String CHECKPOINT_DIFFERS = "データベース外の署名付きチェックポイントと一致しません（改ざん）";
  static final String CHECKPOINT_MISSING = "データベース外の署名付きチェックポイントにある記録がありません（末尾の削除）";
  static final String CHECKPOINT_FORGED = "チェックポイントの署名が正しくありません（チェックポイントの改ざん）";

  private final JdbcTemplate jdbc;
  private final AuditChain chain;
  private final AuditCheckpoints checkpoints;

  AuditVerification(JdbcTemplate jdbc, AuditChain chain, AuditCheckpoints checkpoints) {
    this.jdbc = jdbc;
    this.chain = chain;
    this.checkpoints = checkpoints;
  }

  @Transactional(readOnly = true)
  Result verify() {
    checkpoints.write();
    List<AuditCheckpoints.Checkpoint> anchors = checkpoints.read();
    if (anchors.stream().anyMatch(anchor -> !anchor.signed())) {
      return new Result(false, 0, null, CHECKPOINT_FORGED, null, null, anchors.size());
    }
    ChainWalker walker = new ChainWalker(chain, anchors);
    jdbc.query(con -> {
      var statement = con.prepareStatement("""
          select id, occurred_at, username, operation, resident_id, client_address, detail, previous_hash, hash, keyed,
                 stripe
          from audit_event order by id""");
      statement.setFetchSize(5_000);
      return statement;
    }, walker);
    return walker.result(anchors.size());
  }

  private static final class ChainWalker implements RowCallbackHandler {
    /** What the walk has seen of one stripe so far. */
    private static final class Stripe {
      private String expectedPrevious;
      private long lastId;
      private long lastAnchor;

      Stripe(int number) {
        expectedPrevious = AuditChain.genesis(number);
      }
    }

    private final AuditChain chain;
    /** Every link the checkpoints saw at an id: two of them disagreeing is a rewrite the later one signed. */
    private final Map<Long, Set<String>> anchors = new HashMap<>();
    private final Map<Integer, Stripe> stripes = new TreeMap<>();
    private boolean keyedSeen;
    private long checked;
    private Long brokenId;
    private String reason;
    private Long lastId;
    private String lastHash;

    ChainWalker(AuditChain chain, List<AuditCheckpoints.Checkpoint> checkpoints) {
      this.chain = chain;
      checkpoints.stream().flatMap(checkpoint -> checkpoint.heads().stream()).forEach(head -> {
        anchors.computeIfAbsent(head.lastId(), id -> new HashSet<>()).add(head.lastHash());
        Stripe stripe = stripe(head.stripe());
        stripe.lastAnchor = Math.max(stripe.lastAnchor, head.lastId());
      });
    }

    private Stripe stripe(int number) {
      return stripes.computeIfAbsent(number, Stripe::new);
    }

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
      boolean keyed = rs.getBoolean("keyed");
      Stripe stripe = stripe(rs.getInt("stripe"));
      Set<String> anchored = anchors.get(entry.id());
      if (!entry.previousHash().equals(stripe.expectedPrevious)) {
        broken(entry.id(), LINK_BROKEN);
      } else if (keyedSeen && !keyed) {
        broken(entry.id(), UNKEYED_AFTER_KEYED);
      } else if (!(keyed ? chain.mac(entry) : AuditChain.legacyHash(entry)).equals(storedHash)) {
        broken(entry.id(), CONTENT_CHANGED);
      } else if (anchored != null && !anchored.equals(Set.of(storedHash))) {
        broken(entry.id(), CHECKPOINT_DIFFERS);
      } else {
        keyedSeen |= keyed;
        checked++;
        stripe.expectedPrevious = storedHash;
        stripe.lastId = entry.id();
        lastId = entry.id();
        lastHash = storedHash;
      }
    }

    private void broken(long id, String why) {
      brokenId = id;
      reason = why;
    }

    /** A stripe that ends before its last checkpoint has lost its tail; the first such checkpointed entry is named. */
    Result result(int checkpointCount) {
      if (brokenId == null) {
        stripes.values().stream().filter(stripe -> stripe.lastAnchor > stripe.lastId)
            .mapToLong(stripe -> stripe.lastAnchor).min().ifPresent(missing -> broken(missing, CHECKPOINT_MISSING));
      }
      return new Result(brokenId == null, checked, brokenId, reason, lastId, lastHash, checkpointCount);
    }
  }
}
