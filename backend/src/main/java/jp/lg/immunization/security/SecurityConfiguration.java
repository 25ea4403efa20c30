package jp.lg.immunization.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiError;
import jp.lg.immunization.platform.DemoMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;

/**
 * Form login for a single-page UI: every answer under /api is JSON, 401 when not signed in, 403
 * when the role does not allow it. CSRF tokens travel in the XSRF-TOKEN cookie and header.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * Logins are observed (their timers are on the metrics endpoint); every request's pass through each security filter
   * and every authorization decision are not: that was a tenth of the CPU of a request that only reads the session,
   * for timers nobody reads (the request as a whole is timed by the HTTP server's metrics).
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).shouldObserveAuthorizations(false)
        .build();
  }

  /**
   * Every rule of the chain below matches the request's path with a parsed path pattern, the request path parsed once.
   * Left to the default, each rule is an MVC request matcher that asks Spring MVC's handler mappings for the request
   * and then matches the same kind of path pattern against the same path (Spring MVC parses its mappings with path
   * patterns too): the same answers (EndpointRoleMatrixTest walks every endpoint with every role) for less CPU on
   * every request. Spring Security 6.5 still puts Spring MVC's handler lookup cache in front of the chain either way.
   */
  @Bean
  PathPatternRequestMatcher.Builder pathPatterns() {
    return PathPatternRequestMatcher.withDefaults();
  }

  /** Where sessions keep their sign-in (the database session), also for the second step of login to sign in. */
  @Bean
  SecurityContextRepository securityContextRepository() {
    return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
        new HttpSessionSecurityContextRepository());
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, ObjectMapper json, AuditTrail audit, AccountControls controls,
                         AccountDetailsService accounts, PasswordEncoder passwordEncoder,
                         SecurityContextRepository contexts, SecondFactorLogin secondFactor, Clock clock, DemoMode demoMode, LoginThrottle throttle,
                         @Value("${immunization.security.session.absolute-timeout:PT10H}") Duration absoluteTimeout)
      throws Exception {
    AuthorizationManager<RequestAuthorizationContext> apiDocs = demoMode.enabled()
        ? (authentication, context) -> new AuthorizationDecision(true)
        : AuthorityAuthorizationManager.hasRole(Role.ADMIN.name());
    http
        // The password alone signs nobody in: it leads to the second factor (R07).
        .authenticationManager(new ProviderManager(new PasswordStep(accounts, passwordEncoder, throttle)))
        .securityContext(context -> context.securityContextRepository(contexts))
        .addFilterBefore(new AbsoluteSessionTimeout(absoluteTimeout, clock), SecurityContextHolderFilter.class)
        .addFilterAfter(new PasswordChangeGate(json), AuthorizationFilter.class)
        .csrf(csrf -> csrf
            .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
            .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler()))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, "/api/system").permitAll()
            .requestMatchers(SecondFactorController.PATH, SecondFactorController.PATH + "/**")
                .hasAuthority(SecondFactorPending.AUTHORITY)
            .requestMatchers("/api/auth/**").permitAll()
            // The API description maps every operation for an attacker: open in demo mode, else administrators only.
            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .access(apiDocs)
            // Every rule below needs what only both factors give: a session that has passed only the password has none.
            .requestMatchers("/api/me", "/api/me/**").hasAuthority(AccountDetailsService.SIGNED_IN)
            // A file of the audit trail takes data out of the system: the auditor also needs EXPORT (R12).
            .requestMatchers(HttpMethod.POST, "/api/audit/events/export", "/api/audit/abnormal-access/export")
                .access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole(Role.AUDITOR.name()),
                    AuthorityAuthorizationManager.hasAuthority(Permission.EXPORT.authority())))
            .requestMatchers("/api/audit/**", "/api/residents/access-log").hasRole(Role.AUDITOR.name())
            .requestMatchers("/api/approvals/**").hasRole(Role.SUPERVISOR.name())
            .requestMatchers("/api/residents/**", "/api/tasks/**", "/api/processes/**", "/api/information-queries/**", "/api/fukuhon/**",
                "/api/doses/**", "/api/dose-batches/**")
                .hasAnyRole(Role.STAFF.name(), Role.SUPERVISOR.name())
            .requestMatchers("/api/copay-exemptions/**").hasAnyRole(Role.STAFF.name(), Role.SUPERVISOR.name())
            // Cohort search; its export and print also need a Permission, checked by the service with a clear refusal.
            .requestMatchers("/api/outreach/**").hasAnyRole(Role.STAFF.name(), Role.SUPERVISOR.name())
            .requestMatchers("/api/relief/**").hasAnyRole(Role.STAFF.name(), Role.SUPERVISOR.name())
            .requestMatchers("/api/long-term-illness/**").hasAnyRole(Role.STAFF.name(), Role.SUPERVISOR.name())
            .requestMatchers("/api/vrs/**").hasAnyRole(Role.STAFF.name(), Role.SUPERVISOR.name())
            .requestMatchers("/api/outside-provisions/**").hasAnyRole(Role.STAFF.name(), Role.SUPERVISOR.name())
            // Residents' requests and inquiries (R28, R29): handled by staff; supervisors approve through the task list.
            .requestMatchers("/api/resident-requests/**", "/api/inquiries/**")
                .hasAnyRole(Role.STAFF.name(), Role.SUPERVISOR.name())
            .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
            .requestMatchers("/api/kpi/**").hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
            .requestMatchers("/api/**").denyAll()
            .anyRequest().permitAll())
        .formLogin(form -> form
            .loginProcessingUrl("/api/auth/login")
            .successHandler((request, response, authentication) -> write(response, json,
                HttpServletResponse.SC_OK, secondFactor.challenge(authentication.getName())))
            .failureHandler((request, response, exception) -> {
              String username = String.valueOf(request.getParameter("username"));
              if (exception instanceof LoginThrottled throttled) {
                audit.recordFor(username, AuditOperation.LOGIN_THROTTLED, "wait=" + throttled.seconds() + "s");
                response.setHeader("Retry-After", String.valueOf(throttled.seconds()));
                write(response, json, 429, LoginRefusals.throttled(throttled.seconds()));
                return;
              }
              audit.recordFor(username, AuditOperation.LOGIN_FAILED, exception.getClass().getSimpleName());
              write(response, json, HttpServletResponse.SC_UNAUTHORIZED, loginRefusal(username, exception, controls));
            }))
        .logout(logout -> logout
            .logoutUrl("/api/auth/logout")
            .addLogoutHandler((request, response, authentication) -> {
              if (authentication != null) {
                audit.recordFor(authentication.getName(), AuditOperation.LOGOUT, null);
              }
            })
            .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint((request, response, exception) ->
                write(response, json, HttpServletResponse.SC_UNAUTHORIZED,
                    ApiError.of(401, "unauthenticated", "ログインしてください")))
            .accessDeniedHandler((request, response, exception) -> {
              if (SecurityContextHolder.getContext().getAuthentication() instanceof SecondFactorPending) {
                write(response, json, HttpServletResponse.SC_UNAUTHORIZED, ApiError.of(401, "second_factor_required",
                    "ログインを完了するには、認証アプリの確認コードを入力してください"));
              } else {
                // Attempts at functions beyond one's roles and permissions are on the audit trail too (R11, R12).
                audit.recordFor(request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName(),
                    AuditOperation.PERMISSION_REFUSED, "request=" + request.getMethod() + " " + request.getRequestURI());
                write(response, json, HttpServletResponse.SC_FORBIDDEN,
                    ApiError.of(403, "forbidden", "この操作を行う権限がありません"));
              }
            }))
        .headers(headers -> headers
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
    return http.build();
  }

  /**
   * A request the firewall refuses (an encoded slash or NUL in the path, a path that climbs out with ..) gets the usual
   * JSON error, and the refusal is on the audit trail like every other.
   */
  @Bean
  RequestRejectedHandler requestRejected(ObjectMapper json, AuditTrail audit) {
    return (request, response, rejected) -> {
      audit.recordFor(request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName(),
          AuditOperation.REQUEST_REJECTED, "request=" + request.getMethod() + " " + request.getRequestURI());
      write(response, json, HttpServletResponse.SC_BAD_REQUEST, ApiError.of(400, "request_refused",
          "リクエストを処理できません"));
    };
  }

  /**
   * A wrong password locks nothing (anyone could lock anyone's account): {@link PasswordStep} throttles the client
   * that sends it. Wrong codes at the second step, where the password was right, count towards the lockout; a locked
   * or disabled account says so (R08, R09).
   */
  private static ApiError loginRefusal(String username, AuthenticationException exception, AccountControls controls) {
    if (exception instanceof LockedException) {
      return LoginRefusals.locked(controls.lockedUntil(username));
    }
    if (exception instanceof DisabledException) {
      return LoginRefusals.disabled();
    }
    return ApiError.of(401, "bad_credentials", "ユーザーIDまたはパスワードが正しくありません");
  }

  private static void write(HttpServletResponse response, ObjectMapper json, int status, Object body) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    json.writeValue(response.getOutputStream(), body);
  }
}
