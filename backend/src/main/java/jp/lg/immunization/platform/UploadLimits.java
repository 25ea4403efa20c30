package jp.lg.immunization.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The servlet container's multipart limit is one for the whole application, set for the largest upload (a
 * {@link LargeUpload} endpoint); every other request is refused above the usual limit here, before its handler runs,
 * with the same 413 answer as the container's limit.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits implements WebMvcConfigurer {

  private final long maxRequestSize;

  UploadLimits(@Value("${immunization.upload.max-request-size:41MB}") DataSize maxRequestSize) {
    this.maxRequestSize = maxRequestSize.toBytes();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean large = handler instanceof HandlerMethod method && method.hasMethodAnnotation(LargeUpload.class);
        if (!large && request.getContentLengthLong() > maxRequestSize) {
          throw new MaxUploadSizeExceededException(maxRequestSize);
        }
        return true;
      }
    });
  }
}
