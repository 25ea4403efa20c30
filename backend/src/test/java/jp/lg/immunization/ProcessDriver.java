package jp.lg.immunization;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.MediaType;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Drives processes through the app's API as staff would: start from the catalogue, claim, complete. */
@TestComponent
public class ProcessDriver {

  private final MockMvc mvc;
  private final TestUsers users;
  private final ObjectMapper json;
  private final ProcessEngine engine;

  ProcessDriver(MockMvc mvc, TestUsers users, ObjectMapper json, ProcessEngine engine) {
    this.mvc = mvc;
    this.users = users;
    this.json = json;
    this.engine = engine;
  }

  public ResultActions startRequest(String username, String processKey, Map<String, Object> values) throws Exception {
    return perform(username, post("/api/processes/" + processKey + "/start"), Map.of("values", values));
  }

  public ProcessInstance start(String username, String processKey, Map<String, Object> values) throws Exception {
    String body = startRequest(username, processKey, values)
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String instanceId = json.readTree(body).path("processInstanceId").asText();
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
  }

  /** Claims the open task of that step for the user (unless they hold it already) and returns its id. */
  public String claim(String username, ProcessInstance instance, String taskKey) throws Exception {
    String taskId = openTaskId(instance, taskKey);
    String assignee = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee();
    if (!username.equals(assignee)) {
      mvc.perform(post("/api/tasks/" + taskId + "/claim").with(users.as(username)).with(csrf()))
          .andExpect(status().isOk());
    }
    return taskId;
  }

  public ResultActions completeRequest(String username, String taskId, Map<String, Object> values) throws Exception {
    return perform(username, post("/api/tasks/" + taskId + "/complete"), Map.of("values", values));
  }

  public void complete(String username, ProcessInstance instance, String taskKey, Map<String, Object> values)
      throws Exception {
    completeRequest(username, claim(username, instance, taskKey), values).andExpect(status().isNoContent());
  }

  public String openTaskId(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult().getId();
  }

  /**
   * Runs the job waiting at that step, as the job executor would after each retry interval, until it has no retries
   * left (an incident); returns how many attempts it took. The step's system is expected to keep failing.
   */
  public int failUntilIncident(ProcessInstance instance, String activityId) {
    ManagementService management = engine.getManagementService();
    for (int attempts = 1; ; attempts++) {
      Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
      assertThatThrownBy(() -> management.executeJob(job.getId())).as("attempt %d of %s", attempts, activityId)
          .isInstanceOf(RuntimeException.class);
      if (management.createJobQuery().jobId(job.getId()).singleResult().getRetries() == 0) {
        return attempts;
      }
    }
  }

  public ResultActions perform(String username, MockHttpServletRequestBuilder request, Object body) throws Exception {
    return mvc.perform(request.with(users.as(username)).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
  }
}
