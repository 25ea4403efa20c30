package jp.lg.immunization.infonetwork.query;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InformationQueryRepository extends JpaRepository<InformationQuery, Long> {

  List<InformationQuery> findTop100ByRequestedByOrderByRequestedAtDesc(String requestedBy);
}
