package jp.lg.immunization.infonetwork.fukuhon;

import org.springframework.data.jpa.repository.JpaRepository;

interface FukuhonCaseRepository extends JpaRepository<FukuhonCase, Long> {}
