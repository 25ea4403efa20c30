package jp.lg.immunization.subsidy;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExemptionNoticeRepository extends JpaRepository<ExemptionNotice, Long> {

  Optional<ExemptionNotice> findByExemptionId(long exemptionId);
}
