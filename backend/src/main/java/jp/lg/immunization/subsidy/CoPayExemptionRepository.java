package jp.lg.immunization.subsidy;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CoPayExemptionRepository extends JpaRepository<CoPayExemption, Long> {

  List<CoPayExemption> findTop100ByOrderByReceivedAtDescIdDesc();

  List<CoPayExemption> findByResidentIdOrderByReceivedAtDescIdDesc(Long residentId);

  List<CoPayExemption> findByResidentIdAndVaccineAndFiscalYear(long residentId, CoPayVaccine vaccine, int fiscalYear);

  boolean existsByApplicationNumber(String applicationNumber);
}
