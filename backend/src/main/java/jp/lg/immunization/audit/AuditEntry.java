package jp.lg.immunization.audit;

import java.time.Instant;

record AuditEntry(long id, Instant occurredAt, String username, String operation, Long residentId,
                  String clientAddress, String detail, String previousHash) {}
