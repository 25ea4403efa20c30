package jp.lg.immunization.platform;

import java.io.IOException;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the browser app: its files as they are, and its own pages (/tasks, /residents/12, ...) as index.html, whose
 * router shows them, so that a bookmark or a reload of any page works. Unknown files and API paths stay 404.
 *
 * <p>The build names every file under /assets/ by a hash of its content, so a browser may keep them for good: a reload
 * or a new tab takes the scripts from its cache, already compiled, and asks the server only for index.html (never
 * kept, since it names the current files) and the data. Without this, Spring Security's default {@code no-store}
 * made every load fetch, and the server compress, the whole app again.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageApplication implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/assets/**")
        .addResourceLocations("classpath:/static/assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
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
