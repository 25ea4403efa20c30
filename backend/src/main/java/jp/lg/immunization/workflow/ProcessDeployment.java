package jp.lg.immunization.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Checks that processes, forms and step handlers agree (start-up stops if not), then deploys processes/ and forms/
 * under one stable deployment name with duplicate filtering, using
 * resource names that are the same from the IDE, spring-boot:run and the jar: an unchanged file never
 * makes a new process version.
 */
@Component
class ProcessDeployment implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(ProcessDeployment.class);
  static final String DEPLOYMENT_NAME = "immunization-office";
  static final String PROCESSES = "classpath*:processes/**/*.bpmn";
  private static final String DECISIONS = "classpath*:processes/**/*.dmn";

  private final RepositoryService repository;
  private final FormRegistry forms;
  private final ProcessConsistency consistency;

  ProcessDeployment(RepositoryService repository, FormRegistry forms, ProcessConsistency consistency) {
    this.repository = repository;
    this.forms = forms;
    this.consistency = consistency;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Map<String, String> resources = read(PROCESSES, DECISIONS, forms.location());
    consistency.verify(resources);
    DeploymentBuilder deployment = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("immunization-office")
        .enableDuplicateFiltering(true);
    resources.forEach(deployment::addString);
    var deployed = deployment.deployWithResult();
    log.info("Deployment '{}': {} process definitions new or changed", DEPLOYMENT_NAME,
        deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size());
  }

  /** The text of every resource the patterns find, by its stable name. */
  static Map<String, String> read(String... patterns) {
    Map<String, String> resources = new LinkedHashMap<>();
    try {
      var resolver = new PathMatchingResourcePatternResolver();
      for (String pattern : patterns) {
        for (Resource resource : resolver.getResources(pattern)) {
          try (InputStream in = resource.getInputStream()) {
            resources.put(stableName(resource), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read processes and forms", e);
    }
    return resources;
  }

  /** processes/x.bpmn or forms/y.form, wherever the classpath root is. */
  private static String stableName(Resource resource) throws IOException {
    String uri = resource.getURI().toString();
    int processes = uri.lastIndexOf("/processes/");
    int forms = uri.lastIndexOf("/forms/");
    return uri.substring(Math.max(processes, forms) + 1);
  }
}
