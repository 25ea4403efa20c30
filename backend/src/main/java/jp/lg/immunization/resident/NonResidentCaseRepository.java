package jp.lg.immunization.resident;

import org.springframework.data.jpa.repository.JpaRepository;

interface NonResidentCaseRepository extends JpaRepository<NonResidentCase, Long> {}
