package jp.lg.immunization.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A claim or completion that loses a race to another (two nodes, a double click) gets 409 and changes nothing; never
 * a 500 (DESIGN rule 8, issue 15). The task list serialises them on the task's row.
 */
@IntegrationTest
class LostRacesTest {

  private static final int ROUNDS = 5;

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ObjectMapper json;
  @Autowired ApplicationContext context;
  private RequestFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new RequestFixtures(driver, context);
  }

  @Test
  void twoClaimsOfOneTaskAtOnceGiveOneTaskHolderAndA409() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String task = driver.openTaskId(fixtures.confirmed("DISCLOSURE"), "DecideRequest");
      List<Integer> statuses = race("/api/tasks/" + task + "/claim", null, "staff1", "staff2");
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    }
  }

  @Test
  void aCompletionSentTwiceAtOnceCompletesOnceAndTheOtherGets409() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      ProcessInstance instance = fixtures.confirmed("DISCLOSURE");
      String task = driver.claim("staff1", instance, "DecideRequest");
      Map<String, Object> values = Map.of("decision", "FULL_DISCLOSURE", "reason", "全部開示できる");
      List<Integer> statuses = race("/api/tasks/" + task + "/complete", Map.of("values", values), "staff1", "staff1");
      assertThat(statuses).as("one completes, the other lost the race or came after it").contains(204)
          .doesNotContain(500).hasSize(2);
      assertThat(statuses.stream().filter(status -> status == 204)).hasSize(1);
      assertThat(statuses.stream().filter(status -> status != 204)).allMatch(status -> status == 409 || status == 404);
    }
  }

  @Test
  void twoClaimAndCompletesOfOneTaskAtOnceCompleteItOnceAndTheOtherGets409() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String task = driver.openTaskId(fixtures.confirmed("DISCLOSURE"), "DecideRequest");
      Map<String, Object> values = Map.of("decision", "FULL_DISCLOSURE", "reason", "全部開示できる");
      List<Integer> statuses = race("/api/tasks/" + task + "/claim-and-complete", Map.of("values", values),
          "staff1", "staff2");
      assertThat(statuses.stream().filter(status -> status == 204)).hasSize(1);
      assertThat(statuses.stream().filter(status -> status != 204)).allMatch(status -> status == 409 || status == 404);
    }
  }

  private List<Integer> race(String path, Object body, String... usernames)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(usernames.length);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (String username : usernames) {
        answers.add(pool.submit(() -> {
          start.await();
          MockHttpServletRequestBuilder sent = post(path).with(users.as(username)).with(csrf());
          if (body != null) {
            sent = sent.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
          }
          return mvc.perform(sent).andReturn().getResponse().getStatus();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      return statuses;
    } finally {
      pool.shutdown();
    }
  }
}
