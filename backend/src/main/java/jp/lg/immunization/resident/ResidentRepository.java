package jp.lg.immunization.resident;


import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ResidentRepository extends JpaRepository<Resident, Long> {

  Optional<Resident> findByAddresseeNumber(String addresseeNumber);

  Optional<Resident> findByMyNumberHash(byte[] myNumberHash);

  List<Resident> findByHouseholdNumberOrderByBirthDate(String householdNumber);
}
