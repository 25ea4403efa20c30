package jp.lg.immunization.resident.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

/**
 * A full extract of the city's register in UTF-8 (200,000 lines, 43–45 MB; the format allows 250,000) is larger than
 * the 40 MB every other upload is held to: the container takes it on the feed's endpoints only, and every other
 * endpoint still refuses such a request with the usual 413, before its handler runs. (The benchmark uploads a
 * 200,000-line UTF-8 extract over HTTP.)
 */
@IntegrationTest
class FeedUploadLimitTest {

  /** Over the 41 MB of an ordinary request, under the feed's limit. */
  private static final byte[] FORTY_FIVE_MEGABYTES = new byte[45 * 1024 * 1024];

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired MultipartProperties multipart;

  @Test
  void theContainerTakesAFullUtf8ExtractOfTheCity() {
    assertThat(multipart.getMaxFileSize()).isGreaterThanOrEqualTo(DataSize.ofMegabytes(57));
    assertThat(multipart.getMaxRequestSize()).isGreaterThan(multipart.getMaxFileSize());
  }

  @Test
  void otherUploadsAreStillRefusedAboveFortyMegabytesAndTheFeedsAreNot() throws Exception {
    mvc.perform(post("/api/dose-batches").contentType("multipart/form-data; boundary=limit")
            .content(FORTY_FIVE_MEGABYTES).with(users.as("staff1")).with(csrf()))
        .andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.error").value("file_too_large"));

    // Past the size check: the body of zeros holds no file, which is what the feed's endpoint answers.
    mvc.perform(post("/api/residents/feed/files").contentType("multipart/form-data; boundary=limit")
            .content(FORTY_FIVE_MEGABYTES).with(users.as("staff1")).with(csrf()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("missing_file"));
  }
}
