package jp.lg.immunization.resident.feed;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.resident.MyNumber;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Builds feed files as the 住民記録システム writes them and delivers them through the API, for tests of this and
 * other modules. Not a bean, so that using it does not change the shared test context.
 */
public class FeedFixture {

  public static final String HEADER = "異動連番,異動事由,異動日,届出日,宛名番号,統合宛名番号,住民票コード,個人番号,氏,名,氏カナ,名カナ,"
      + "生年月日,性別,郵便番号,住所,電話番号,世帯番号,続柄,世帯主氏名";
  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

  /** A made-up person of the register: 宛名番号 7 and nine digits, apart from the demo's and the tests' others. */
  public record Person(String addresseeNumber, String integratedNumber, MyNumber myNumber, LocalDate birthDate) {

    public String moveIn(String serial, LocalDate on) {
      return line(serial, "転入", on, on, "熊谷市宮町一丁目1番1号");
    }

    public String line(String serial, String event, LocalDate movedOn, LocalDate notifiedOn, String address) {
      return String.join(",", serial, event, movedOn.toString(), notifiedOn == null ? "" : notifiedOn.toString(),
          addresseeNumber, integratedNumber == null ? "" : integratedNumber, "", myNumber.digits(), "連携", "太郎",
          "レンケイ", "タロウ",
          birthDate.toString(), "男", "360-0031", address, "000-0000-0000", "H" + addresseeNumber.substring(1),
          "世帯主", "連携 太郎");
    }

    /** A line that carries only what its kind needs, e.g. 転出 or 死亡. */
    public String bare(String serial, String event, LocalDate movedOn) {
      return String.join(",", serial, event, movedOn.toString(), movedOn.toString(), addresseeNumber,
          "", "", "", "", "", "", "", "", "", "", "", "", "", "", "");
    }
  }

  private final MockMvc mvc;
  private final TestUsers users;
  private final ProcessEngine engine;
  private final ObjectMapper json;
  /** Instances as they were started: the runtime forgets an ended one, and assertions need it still. */
  private final Map<Long, ProcessInstance> started = new HashMap<>();

  public FeedFixture(ApplicationContext context) {
    this.mvc = context.getBean(MockMvc.class);
    this.users = context.getBean(TestUsers.class);
    this.engine = context.getBean(ProcessEngine.class);
    this.json = context.getBean(ObjectMapper.class);
  }

  public static Person person(LocalDate birthDate) {
    long n = SEQUENCE.incrementAndGet();
    return new Person("7" + String.format("%09d", n % 1_000_000_000L), String.format("%015d", 100_000_000_000_000L + n),
        MyNumber.withCheckDigit(String.format("%011d", 55_000_000_000L + n)), birthDate);
  }

  public static String serial() {
    return "T" + SEQUENCE.incrementAndGet();
  }

  public static byte[] file(Charset charset, String... lines) {
    List<String> all = new ArrayList<>();
    all.add(HEADER);
    all.addAll(List.of(lines));
    return (String.join("\r\n", all) + "\r\n").getBytes(charset);
  }

  public static byte[] file(String... lines) {
    return file(StandardCharsets.UTF_8, lines);
  }

  public ResultActions upload(String username, byte[] content) throws Exception {
    return upload(username, "/api/residents/feed/files", "住民記録システム", content);
  }

  public ResultActions upload(String username, String path, String sourceSystem, byte[] content) throws Exception {
    return mvc.perform(multipart(path).file(new MockMultipartFile("file", "ido.csv", "text/csv", content))
        .param("sourceSystem", sourceSystem).with(users.as(username)).with(csrf()));
  }

  /** Delivers the file and runs its jobs as far as they go; returns the file's summary. */
  public JsonNode deliver(byte[] content) throws Exception {
    return deliver("/api/residents/feed/files", "住民記録システム", content);
  }

  /** Delivers to a path (files or reconciliations) as a source system, and runs the jobs as far as they go. */
  public JsonNode deliver(String path, String sourceSystem, byte[] content) throws Exception {
    JsonNode summary = json.readTree(upload("staff1", path, sourceSystem, content).andReturn().getResponse()
        .getContentAsString());
    long id = summary.path("id").asLong();
    started.put(id, engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(String.valueOf(id)).processDefinitionKeyIn(ResidentFeeds.PROCESS_KEY,
            ResidentFeeds.RECONCILIATION_KEY).singleResult());
    runJobs(instance(id));
    return summary;
  }

  public ProcessInstance instance(long fileId) {
    return started.get(fileId);
  }

  /** Runs the waiting jobs of the file's process until it waits for a person or has ended. */
  public void runJobs(ProcessInstance instance) {
    if (instance == null) {
      return;
    }
    for (Job job = next(instance); job != null; job = next(instance)) {
      engine.getManagementService().executeJob(job.getId());
    }
  }

  private Job next(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable()
        .singleResult();
  }
}
