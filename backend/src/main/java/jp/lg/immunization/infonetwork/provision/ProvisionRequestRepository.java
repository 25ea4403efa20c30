package jp.lg.immunization.infonetwork.provision;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProvisionRequestRepository extends JpaRepository<ProvisionRequest, Long> {

  Optional<ProvisionRequest> findByNetworkRequestId(String networkRequestId);
}
