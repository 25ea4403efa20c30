package jp.lg.immunization.subsidy;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StatusMatchRepository extends JpaRepository<StatusMatch, Long> {

  Optional<StatusMatch> findByRequestId(String requestId);

  List<StatusMatch> findByExemptionIdOrderByIdAsc(long exemptionId);

  boolean existsByExemptionIdAndOutcomeIsNotNull(long exemptionId);
}
