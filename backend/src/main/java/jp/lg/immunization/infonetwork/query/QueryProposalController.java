package jp.lg.immunization.infonetwork.query;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 情報照会 proposed after a 転入: the list staff work from, and a dismissal with its reason. */
@RestController
@RequestMapping("/api/information-queries/proposals")
class QueryProposalController {

  record Dismissal(String note) {}

  private final MoveInQueryProposals proposals;

  QueryProposalController(MoveInQueryProposals proposals) {
    this.proposals = proposals;
  }

  @GetMapping
  List<MoveInQueryProposals.Proposal> open() {
    return proposals.open();
  }

  @PostMapping("/{id}/dismiss")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void dismiss(@PathVariable long id, @RequestBody Dismissal dismissal) {
    proposals.dismiss(id, dismissal.note());
  }
}
