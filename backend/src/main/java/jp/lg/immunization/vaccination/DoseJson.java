package jp.lg.immunization.vaccination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The jsonb columns of dose data: items by key (batch lines, corrections) and the problems found in a line. */
@Component
class DoseJson {

  private final ObjectMapper json;

  DoseJson(ObjectMapper json) {
    this.json = json;
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  Map<String, String> items(String content) {
    return read(content, new TypeReference<>() {});
  }

  List<DoseProblem> problems(String content) {
    return read(content, new TypeReference<>() {});
  }

  private <T> T read(String content, TypeReference<T> type) {
    try {
      return json.readValue(content, type);
    } catch (JsonProcessingException corrupt) {
      throw new IllegalStateException("stored dose data is not the JSON the application wrote", corrupt);
    }
  }
}
