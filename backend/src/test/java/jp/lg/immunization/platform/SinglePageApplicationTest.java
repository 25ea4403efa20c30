package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.lg.immunization.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A reload or bookmark of any page of the browser app gets the app; unknown files and API paths do not. The app's
 * hashed files are kept by the browser.
 */
@IntegrationTest
class SinglePageApplicationTest {

  @Autowired MockMvc mvc;

  @Test
  void theAppsOwnPagesAreServedAsTheAppAndUnknownFilesAndApiPathsAreNot() throws Exception {
    for (String page : new String[] {"/tasks", "/admin/departments", "/residents/12", "/relief/3"}) {
      mvc.perform(get(page)).andExpect(status().isOk())
          .andExpect(content().string(Matchers.containsString("<div id=\"root\">")));
    }
    mvc.perform(get("/assets/missing-file.js")).andExpect(status().isNotFound());
    mvc.perform(get("/api/no-such-endpoint")).andExpect(status().is4xxClientError())
        .andExpect(content().string(Matchers.not(Matchers.containsString("<div id=\"root\">"))));
  }

  @Test
  void theAppsHashedFilesAreKeptByTheBrowserAndTheIndexThatNamesThemIsNot() throws Exception {
    String index = mvc.perform(get("/tasks")).andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.CACHE_CONTROL, Matchers.containsString("no-store")))
        .andReturn().getResponse().getContentAsString();
    Matcher script = Pattern.compile("src=\"(/assets/index-[^\"]+\\.js)\"").matcher(index);
    assertThat(script.find()).as("index.html names its script: %s", index).isTrue();
    mvc.perform(get(script.group(1))).andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable"));
  }
}
