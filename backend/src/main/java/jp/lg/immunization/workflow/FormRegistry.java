package jp.lg.immunization.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The forms of forms/*.form, by their id (the camunda:formRef of a task or start event). */
@Component
class FormRegistry {

  static final String LOCATION = "classpath*:forms/**/*.form";

  private final Map<String, FormDefinition> forms = new HashMap<>();

  FormRegistry(ObjectMapper json) throws IOException {
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
      try (InputStream in = resource.getInputStream()) {
        FormDefinition form = FormDefinition.parse(json.readTree(in));
        if (forms.putIfAbsent(form.id(), form) != null) {
          throw new IllegalStateException("Two forms have the id " + form.id());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read form " + resource.getFilename(), e);
      }
    }
  }

  Optional<FormDefinition> find(String formId) {
    return Optional.ofNullable(formId).map(forms::get);
  }
}
