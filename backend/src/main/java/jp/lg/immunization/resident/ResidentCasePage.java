package jp.lg.immunization.resident;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.workflow.ResidentTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident's case page: identity (個人番号 masked), household, the sections other modules contribute (doses,
 * what the resident may receive now) and the open steps that concern them. One view, one audit event (R04).
 */
@Service
class ResidentCasePage {

  /** The sections appear as top-level properties beside the resident's own ones. */
  static final class View {
    private final ResidentViews.Detail resident;
    private final List<ResidentViews.Summary> household;
    private final List<ResidentTasks.OpenTask> openTasks;
    private final Map<String, Object> sections;

    View(ResidentViews.Detail resident, List<ResidentViews.Summary> household, List<ResidentTasks.OpenTask> openTasks,
         Map<String, Object> sections) {
      this.resident = resident;
      this.household = household;
      this.openTasks = openTasks;
      this.sections = sections;
    }

    public ResidentViews.Detail getResident() {
      return resident;
    }

    public List<ResidentViews.Summary> getHousehold() {
      return household;
    }

    public List<ResidentTasks.OpenTask> getOpenTasks() {
      return openTasks;
    }

    @JsonAnyGetter
    public Map<String, Object> getSections() {
      return sections;
    }
  }

  private final ResidentRepository residents;
  private final List<ResidentCaseSection> sections;
  private final ResidentTasks tasks;
  private final AuditTrail audit;
  private final Clock clock;

  ResidentCasePage(ResidentRepository residents, List<ResidentCaseSection> sections, ResidentTasks tasks,
                   AuditTrail audit, Clock clock) {
    this.residents = residents;
    this.sections = sections;
    this.tasks = tasks;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  View of(long id) {
    Resident resident = residents.findById(id).orElseThrow(() -> ApiException.notFound("住民が見つかりません"));
    audit.record(AuditOperation.RESIDENT_VIEW, id, "case page");
    List<ResidentViews.Summary> household = resident.householdNumber() == null ? List.of()
        : residents.findByHouseholdNumberOrderByBirthDate(resident.householdNumber()).stream()
            .filter(member -> !member.id().equals(resident.id())).map(ResidentViews.Summary::of).toList();
    ResidentDirectory.ResidentRef ref = ResidentDirectory.ref(resident);
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> contributed = new LinkedHashMap<>();
    sections.forEach(section -> contributed.put(section.name(), section.content(ref, today)));
    return new View(ResidentViews.Detail.of(resident), household, tasks.openFor(id), contributed);
  }
}
