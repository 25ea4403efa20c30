package jp.lg.immunization.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an upload endpoint that may take a request up to {@code spring.servlet.multipart.max-request-size}; every other
 * request is held to {@code immunization.upload.max-request-size} by {@link UploadLimits}. For files whose documented
 * size exceeds the usual limit, such as the full extract of the resident register (250,000 lines, about 57 MB in
 * UTF-8).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LargeUpload {}
