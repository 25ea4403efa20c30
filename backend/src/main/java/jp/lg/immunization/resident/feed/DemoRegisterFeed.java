package jp.lg.immunization.resident.feed;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.lg.immunization.platform.CsvInput;
import jp.lg.immunization.resident.GeneratedResident;
import jp.lg.immunization.resident.SyntheticResidentGenerator;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo mode's residents come through the real feed: the 住民記録システム's simulator (synthetic people only) delivers
 * a full extract as of a year ago, then a year of 異動 (births, moves within the city, move-outs, deaths, name
 * changes), and both files run through ResidentFeedImport like any delivery. Once, into an empty register; the jobs
 * are run here so that the residents exist before the app takes requests.
 */
@Component
@ConditionalOnProperty(name = "immunization.demo.enabled", havingValue = "true")
class DemoRegisterFeed {

  static final String SIMULATOR = "住民記録システム（シミュレーター）";
  private static final Logger log = LoggerFactory.getLogger(DemoRegisterFeed.class);
  private static final long SEED = 20261126L;

  private final ResidentFeeds feeds;
  private final JdbcTemplate jdbc;
  private final ManagementService management;
  private final Clock clock;
  private final int residents;

  DemoRegisterFeed(ResidentFeeds feeds, JdbcTemplate jdbc, ManagementService management, Clock clock,
                   @Value("${immunization.demo.residents:2000}") int residents) {
    this.feeds = feeds;
    this.jdbc = jdbc;
    this.management = management;
    this.clock = clock;
    this.residents = residents;
  }

  @EventListener(ApplicationStartedEvent.class)
  void deliverDemoRegister() {
    if (jdbc.queryForObject("select exists (select 1 from resident)", Boolean.class)) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    List<GeneratedResident> people = new SyntheticResidentGenerator(SEED, today).stream(residents).toList();
    Files files = files(people, today);
    deliver("zenken.csv", files.extract());
    deliver("ido.csv", files.changes());
    log.info("Demo mode: {} synthetic residents delivered through the resident register feed", people.size());
  }

  record Files(String extract, String changes) {}

  /** The extract holds everyone born before it; the year after it brings births and a few of every other 異動. */
  static Files files(List<GeneratedResident> people, LocalDate today) {
    LocalDate extractDay = today.minusYears(1);
    StringBuilder extract = new StringBuilder(header());
    StringBuilder changes = new StringBuilder(header());
    Random random = new Random(SEED);
    int serial = 0;
    for (GeneratedResident person : people) {
      if (person.birthDate().isAfter(extractDay)) {
        changes.append(line(++serial, "出生", person.birthDate(), person.birthDate().plusDays(7), person,
            person.address()));
        continue;
      }
      extract.append(line(++serial, "全件", extractDay, null, person, person.address()));
      LocalDate on = extractDay.plusDays(1 + random.nextInt(360));
      int draw = random.nextInt(1000);
      if (draw < 20) {
        changes.append(line(++serial, "転居", on, on, person, movedWithinTheCity(person.address(), random)));
      } else if (draw < 30) {
        changes.append(bare(++serial, "転出", on, person));
      } else if (draw < 40 && person.birthDate().isBefore(today.minusYears(75))) {
        changes.append(bare(++serial, "死亡", on, person));
      }
    }
    return new Files(extract.toString(), changes.toString());
  }

  private static String movedWithinTheCity(String address, Random random) {
    return address.replaceFirst("[0-9０-９]+番", (1 + random.nextInt(30)) + "番");
  }

  private void deliver(String name, String content) {
    if (content.indexOf('\n') == content.length() - 1) {
      return;
    }
    ResidentFeeds.Summary summary = feeds.receive(ResidentFeeds.Purpose.IMPORT, SIMULATOR, name,
        content.getBytes(StandardCharsets.UTF_8), CsvInput.Encoding.UTF_8, SIMULATOR);
    String instance = jdbc.queryForObject("""
        select proc_inst_id_ from act_ru_execution where business_key_ = ? and parent_id_ is null
          and proc_def_id_ like ?""", String.class, String.valueOf(summary.id()), ResidentFeeds.PROCESS_KEY + ":%");
    // The job executor of a demo installation may take a job first; either way each job runs once.
    for (int attempt = 0; attempt < 1_000; attempt++) {
      Job job = management.createJobQuery().processInstanceId(instance).singleResult();
      if (job == null) {
        return;
      }
      try {
        management.executeJob(job.getId());
      } catch (OptimisticLockingException takenByTheJobExecutor) {
        sleep();
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static String header() {
    return String.join(",", List.of("異動連番", "異動事由", "異動日", "届出日", "宛名番号", "個人番号", "氏", "名", "氏カナ",
        "名カナ", "生年月日", "性別", "郵便番号", "住所", "電話番号", "世帯番号", "続柄", "世帯主氏名")) + "\n";
  }

  private static String line(int serial, String event, LocalDate movedOn, LocalDate notifiedOn, GeneratedResident p,
                             String address) {
    List<String> cells = new ArrayList<>(List.of("DEMO-" + serial, event, movedOn.toString(),
        notifiedOn == null ? "" : notifiedOn.toString(), p.addresseeNumber(), p.myNumber().digits(),
        p.familyNameKanji(), p.givenNameKanji(), p.familyNameKana(), p.givenNameKana(), p.birthDate().toString(),
        p.sex().name().equals("MALE") ? "男" : "女", p.postalCode(), address, p.phone(), p.householdNumber(),
        p.relationship(), p.householdHeadNameKanji()));
    return String.join(",", cells.stream().map(DemoRegisterFeed::quoted).toList()) + "\n";
  }

  private static String bare(int serial, String event, LocalDate on, GeneratedResident p) {
    return String.join(",", "DEMO-" + serial, event, on.toString(), on.toString(), p.addresseeNumber(),
        "", "", "", "", "", "", "", "", "", "", "", "", "") + "\n";
  }

  private static String quoted(String cell) {
    return cell == null ? "" : "\"" + cell.replace("\"", "\"\"") + "\"";
  }
}
