/**
 * Sign-in and accounts: users, roles, permissions and departments, password and second-factor rules, sessions, and
 * the current user that every module asks who is acting. Used by almost every module, it depends only on the platform
 * and on the audit trail, to which sign-ins and account changes are written.
 */
@ApplicationModule(displayName = "Security and accounts", allowedDependencies = {"platform", "audit"})
package jp.lg.immunization.security;

import org.springframework.modulith.ApplicationModule;
