package jp.lg.immunization.resident.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The JSON columns of feed lines and of the register's changes and cases: items by key, and problems. */
@Component
public class FeedJson {

  private static final TypeReference<Map<String, String>> ITEMS = new TypeReference<>() {};
  private static final TypeReference<List<FeedProblem>> PROBLEMS = new TypeReference<>() {};

  private final ObjectMapper json;

  FeedJson(ObjectMapper json) {
    this.json = json;
  }

  public String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public Map<String, String> items(String text) {
    return read(text, ITEMS);
  }

  List<FeedProblem> problems(String text) {
    return read(text, PROBLEMS);
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
