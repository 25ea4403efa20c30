package jp.lg.immunization.security;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Actuator endpoints. The load balancer's probes (health, liveness, readiness: status only) are open. Everything else
 * (metrics, health details) is open on the separate management port, which the installation binds to an address only
 * its monitoring reaches ({@code management.server.address}), and for administrators only where it is served on the
 * application's port. Neither shows residents' data: metrics are counts per step, system and state.
 */
@Configuration(proxyBeanMethods = false)
class ManagementEndpointsSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain managementEndpoints(HttpSecurity http,
                                          ManagementServerProperties management, ServerProperties server)
      throws Exception {
    Integer managementPort = management.getPort();
    boolean separatePort = managementPort != null && managementPort > 0 && !managementPort.equals(server.getPort());
    RequestMatcher onManagementPort = request -> separatePort && request.getLocalPort() == managementPort;
    http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
            .requestMatchers(onManagementPort).permitAll()
            .anyRequest().hasRole(Role.ADMIN.name()))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint((request, response, e) -> response.sendError(401))
            .accessDeniedHandler((request, response, e) -> response.sendError(403)));
    return http.build();
  }
}
