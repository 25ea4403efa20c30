package jp.lg.immunization.infonetwork.query;

import java.time.Instant;
import java.util.List;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff follow the state of their queries. Ids and codes only: the case page shows the person. */
@RestController
@RequestMapping("/api/information-queries")
class InformationQueryController {

  record QueryState(long id, String informationItem, String legalBasis, String status, boolean ended,
                    Instant requestedAt, Instant sentAt, Instant answeredAt, Instant endedAt) {}

  private final InformationQueryRepository queries;
  private final CurrentUser currentUser;

  InformationQueryController(InformationQueryRepository queries, CurrentUser currentUser) {
    this.queries = queries;
    this.currentUser = currentUser;
  }

  @GetMapping("/mine")
  List<QueryState> mine() {
    return queries.findTop100ByRequestedByOrderByRequestedAtDesc(currentUser.get().username()).stream()
        .map(query -> new QueryState(query.id(), query.informationItem().label(), query.legalBasis().label(),
            query.status().label(), query.status().ended(), query.requestedAt(), query.sentAt(),
            query.answeredAt(), query.endedAt()))
        .toList();
  }
}
