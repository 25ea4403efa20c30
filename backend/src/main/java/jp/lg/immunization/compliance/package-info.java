/**
 * The compliance report (自己点検): each control R01–R33 of the privacy assessment with its text, the processes and
 * rules that implement it, the tests named after it and their result in the build that produced the running version.
 * The build summarises the surefire reports into the application ({@code compliance/test-results.json}, written at
 * {@code prepare-package} by {@link jp.lg.immunization.compliance.build.SurefireSummary}); auditors read it under 監査ログ
 * and take it as CSV or PDF.
 */
@ApplicationModule(displayName = "Compliance report (自己点検)",
    allowedDependencies = {"platform", "audit", "security"})
package jp.lg.immunization.compliance;

import org.springframework.modulith.ApplicationModule;
