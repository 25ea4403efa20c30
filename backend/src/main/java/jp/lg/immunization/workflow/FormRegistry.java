package jp.lg.immunization.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The forms of forms/*.form, by their id (the camunda:formRef of a task or start event). */
@Component
class FormRegistry {

  private final String location;
  private final Map<String, FormDefinition> forms = new HashMap<>();
  private final Map<String, String> files = new HashMap<>();

  FormRegistry(ObjectMapper json, @Value("${immunization.forms.location:classpath*:forms/**/*.form}") String location)
      throws IOException {
    this.location = location;
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
      try (InputStream in = resource.getInputStream()) {
        FormDefinition form = FormDefinition.parse(json.readTree(in));
        if (forms.putIfAbsent(form.id(), form) != null) {
          throw new IllegalStateException("Two forms have the id " + form.id());
        }
        files.put(form.id(), "forms/" + resource.getFilename());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read form " + resource.getFilename(), e);
      }
    }
  }

  /** Where the forms are read from, and deployed from. */
  String location() {
    return location;
  }

  Optional<FormDefinition> find(String formId) {
    return Optional.ofNullable(formId).map(forms::get);
  }

  /** The file a form was read from, for messages. */
  String fileOf(String formId) {
    return files.getOrDefault(formId, "forms/?");
  }
}
