package jp.lg.immunization.compliance.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The summary of a build's test results that the application carries: which tests named after a control (R01–R33)
 * ran and how each ended, with the totals, the version and when it was built. The build runs {@link #main} at
 * {@code prepare-package}, after the tests and before the jar, reading only the reports this build wrote (newer than
 * its start), so that a build without tests says so instead of showing an older run's results.
 */
public final class SurefireSummary {

  /** How a test ended. */
  public enum Outcome { PASSED, FAILED, SKIPPED }

  public record TestCase(String className, String name, Outcome outcome) {}

  /**
   * @param testsRun whether this build ran any tests at all
   * @param tests    the tests whose names carry a control's number
   */
  public record Summary(String version, Instant builtAt, boolean testsRun, int total, int failed, int skipped,
                        List<TestCase> tests) {

    public static Summary withoutTests(String version, Instant builtAt) {
      return new Summary(version, builtAt, false, 0, 0, 0, List.of());
    }
  }

  /** A control's number in a test's name, as the house names them: R14_..., R14_R21_..., ..._R32. */
  public static final Pattern CONTROL = Pattern.compile("(?:^|_)R(0[1-9]|[12][0-9]|3[0-3])(?=_|$|\\W)");

  private SurefireSummary() {}

  /** Arguments: the surefire reports folder, the file to write, the version, the build's start (ISO-8601 UTC). */
  public static void main(String[] args) throws IOException {
    Path reports = Path.of(args[0]);
    Path target = Path.of(args[1]);
    Instant builtAt = Instant.parse(args[3]);
    Summary summary = read(reports, args[2], builtAt, builtAt);
    Files.createDirectories(target.getParent());
    mapper().writeValue(target.toFile(), summary);
    System.out.println("Compliance summary: " + summary.total() + " tests, " + summary.failed() + " failed, "
        + summary.tests().size() + " named after a control -> " + target);
  }

  public static ObjectMapper mapper() {
    return new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /** Reads the TEST-*.xml reports in the folder not older than {@code notBefore}. */
  public static Summary read(Path reports, String version, Instant builtAt, Instant notBefore) throws IOException {
    if (!Files.isDirectory(reports)) {
      return Summary.withoutTests(version, builtAt);
    }
    List<Path> files;
    try (Stream<Path> listed = Files.list(reports)) {
      files = listed.filter(file -> file.getFileName().toString().matches("TEST-.*\\.xml"))
          .filter(file -> modified(file).compareTo(notBefore) >= 0).sorted().toList();
    }
    if (files.isEmpty()) {
      return Summary.withoutTests(version, builtAt);
    }
    int total = 0;
    int failed = 0;
    int skipped = 0;
    List<TestCase> named = new ArrayList<>();
    for (Path file : files) {
      for (TestCase test : testCases(file)) {
        total++;
        failed += test.outcome() == Outcome.FAILED ? 1 : 0;
        skipped += test.outcome() == Outcome.SKIPPED ? 1 : 0;
        if (CONTROL.matcher(test.name()).find()) {
          named.add(test);
        }
      }
    }
    named.sort(Comparator.comparing(TestCase::className).thenComparing(TestCase::name));
    return new Summary(version, builtAt, true, total, failed, skipped, List.copyOf(named));
  }

  private static List<TestCase> testCases(Path file) throws IOException {
    Document document;
    try (InputStream in = Files.newInputStream(file)) {
      document = builder().parse(in);
    } catch (SAXException | ParserConfigurationException e) {
      throw new IOException("not a surefire report: " + file, e);
    }
    List<TestCase> tests = new ArrayList<>();
    NodeList cases = document.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element testCase = (Element) cases.item(i);
      tests.add(new TestCase(testCase.getAttribute("classname"), testCase.getAttribute("name"), outcome(testCase)));
    }
    return tests;
  }

  private static Outcome outcome(Element testCase) {
    Outcome outcome = Outcome.PASSED;
    for (Node child = testCase.getFirstChild(); child != null; child = child.getNextSibling()) {
      String tag = child.getNodeName();
      if (tag.equals("failure") || tag.equals("error") || tag.startsWith("rerunFailure") || tag.startsWith("rerunError")) {
        return Outcome.FAILED;
      }
      if (tag.equals("skipped")) {
        outcome = Outcome.SKIPPED;
      }
    }
    return outcome;
  }

  private static DocumentBuilder builder() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder();
  }

  private static Instant modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }
}
