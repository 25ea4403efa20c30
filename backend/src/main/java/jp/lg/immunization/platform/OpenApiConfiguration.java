package jp.lg.immunization.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI immunizationOfficeApi() {
    return new OpenAPI().info(new Info()
        .title("予防接種事務 ケース管理 API")
        .description("The API of the immunization office's case management. Session login at /api/auth/login; "
            + "non-GET requests need the X-XSRF-TOKEN header with the XSRF-TOKEN cookie's value. "
            + "Errors are JSON: {status, error, message, fields}.")
        .version("0.1"));
  }
}
