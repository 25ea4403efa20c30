package jp.lg.immunization.platform;

import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the browser app: its files as they are, and its own pages (/tasks, /residents/12, ...) as index.html, whose
 * router shows them, so that a bookmark or a reload of any page works. Unknown files and API paths stay 404.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageApplication implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/**")
        .addResourceLocations("classpath:/static/")
        .resourceChain(true)
        .addResolver(new PathResourceResolver() {
          @Override
          protected Resource getResource(String path, Resource location) throws IOException {
            Resource requested = location.createRelative(path);
            if (requested.exists() && requested.isReadable()) {
              return requested;
            }
            boolean appPage = !path.startsWith("api/") && !path.substring(path.lastIndexOf('/') + 1).contains(".");
            return appPage ? location.createRelative("index.html") : null;
          }
        });
  }
}
