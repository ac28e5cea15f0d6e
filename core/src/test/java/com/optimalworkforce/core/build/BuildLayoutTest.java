package com.optimalworkforce.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The build's promises, read from the poms themselves so that a module added or a setting dropped
 * is noticed: the modules, a BOM that lists exactly the published artifacts, a module name for
 * every jar's manifest, Java 17, warnings as errors and the enforcer's floor.
 */
class BuildLayoutTest {
  static Path root;
  static Document parent;

  @BeforeAll
  static void findTheRepository() throws Exception {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      // The parent is the pom that lists the modules (a module's pom names the parent too).
      if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>optimal-workforce-parent</artifactId>")
          && Files.readString(pom).contains("<modules>")) {
        root = dir;
        parent = parse(pom);
        return;
      }
    }
    throw new IllegalStateException("the parent pom was not found above " + Paths.get("").toAbsolutePath());
  }

  static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  /** Direct child elements of {@code parent} named {@code name}. */
  static List<Element> children(Node parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The text at a path of child elements, or null. */
  static String text(Node from, String... path) {
    Node node = from;
    for (String step : path) {
      List<Element> next = children(node, step);
      if (next.isEmpty()) {
        return null;
      }
      node = next.get(0);
    }
    return node.getTextContent().strip();
  }

  static List<String> modules() {
    return children(children(parent.getDocumentElement(), "modules").get(0), "module").stream()
        .map(e -> e.getTextContent().strip()).toList();
  }

  @Test
  void theParentBuildsTheEightModulesAndADocsFolder() {
    Element project = parent.getDocumentElement();
    assertThat(text(project, "groupId")).isEqualTo("com.optimalworkforce");
    assertThat(text(project, "artifactId")).isEqualTo("optimal-workforce-parent");
    assertThat(text(project, "version")).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(modules()).containsExactlyInAnyOrder("bom", "core", "connectors-alayacare", "connectors-wellsky",
        "alerts", "testkit", "examples", "benchmarks");
    assertThat(root.resolve("docs")).isDirectory();
  }

  @Test
  void theBomListsExactlyThePublishedArtifactsAtTheirOwnVersion() throws Exception {
    Set<String> published = new TreeSet<>();
    Set<String> unpublished = new TreeSet<>();
    for (String module : modules()) {
      Element project = parse(root.resolve(module).resolve("pom.xml")).getDocumentElement();
      if ("pom".equals(text(project, "packaging"))) {
        continue; // the BOM itself
      }
      boolean skipped = "true".equals(text(project, "properties", "maven.deploy.skip"));
      (skipped ? unpublished : published).add(text(project, "artifactId"));
    }
    assertThat(unpublished).containsExactly("optimal-workforce-benchmarks", "optimal-workforce-examples");

    Element bom = parse(root.resolve("bom/pom.xml")).getDocumentElement();
    assertThat(text(bom, "parent")).as("the BOM inherits nothing from the build").isNull();
    assertThat(text(bom, "version")).isEqualTo(text(parent.getDocumentElement(), "version"));
    Map<String, String> managed = new TreeMap<>();
    Element dependencies = children(children(bom, "dependencyManagement").get(0), "dependencies").get(0);
    for (Element d : children(dependencies, "dependency")) {
      assertThat(text(d, "groupId")).isEqualTo("com.optimalworkforce");
      managed.put(text(d, "artifactId"), text(d, "version"));
    }
    assertThat(managed.keySet()).isEqualTo(published);
    assertThat(managed.values()).containsOnly("${project.version}");
  }

  @Test
  void everyJarNamesItsModuleInTheManifest() throws Exception {
    Element jarPlugin = plugin("pluginManagement", "maven-jar-plugin");
    assertThat(text(jarPlugin, "configuration", "archive", "manifestEntries", "Automatic-Module-Name"))
        .isEqualTo("${module.name}");
    Map<String, String> names = new HashMap<>();
    for (String module : modules()) {
      Element project = parse(root.resolve(module).resolve("pom.xml")).getDocumentElement();
      if ("pom".equals(text(project, "packaging"))) {
        continue;
      }
      String name = text(project, "properties", "module.name");
      assertThat(name).as("module.name of %s", module).isNotNull().matches("com\\.optimalworkforce(\\.[a-z]+)+");
      assertThat(names.put(name, module)).as("%s is also the name of %s", name, names.get(name)).isNull();
    }
    assertThat(names).containsEntry("com.optimalworkforce.core", "core")
        .containsEntry("com.optimalworkforce.connectors.alayacare", "connectors-alayacare");
  }

  @Test
  void java17WarningsAsErrorsAndTheEnforcersFloor() {
    assertThat(text(parent.getDocumentElement(), "properties", "maven.compiler.release")).isEqualTo("17");
    Element compiler = plugin("pluginManagement", "maven-compiler-plugin");
    List<String> args = children(children(children(compiler, "configuration").get(0), "compilerArgs").get(0), "arg")
        .stream().map(e -> e.getTextContent().strip()).toList();
    assertThat(args).contains("-Werror").anyMatch(a -> a.startsWith("-Xlint:all"));
    assertThat(text(compiler, "configuration", "failOnWarning")).isEqualTo("true");

    Element enforcer = plugin(null, "maven-enforcer-plugin");
    Element rules = (Element) enforcer.getElementsByTagName("rules").item(0);
    assertThat(text(rules, "requireJavaVersion", "version")).isEqualTo("[17,)");
    assertThat(text(rules, "requireMavenVersion", "version")).isEqualTo("[3.8,)");
  }

  @Test
  void dependencyVersionsComeFromImportedBoms() {
    Element managed = children(children(parent.getDocumentElement(), "dependencyManagement").get(0), "dependencies").get(0);
    Set<String> imported = new TreeSet<>();
    for (Element d : children(managed, "dependency")) {
      if ("import".equals(text(d, "scope"))) {
        imported.add(text(d, "artifactId"));
      }
    }
    assertThat(imported).containsExactlyInAnyOrder("jackson-bom", "junit-bom", "hapi-fhir-bom");
  }

  /** A plugin of the parent's build, under pluginManagement or (section null) directly. */
  static Element plugin(String section, String artifactId) {
    Element build = children(parent.getDocumentElement(), "build").get(0);
    Element holder = section == null ? build : children(build, section).get(0);
    for (Element p : children(children(holder, "plugins").get(0), "plugin")) {
      if (artifactId.equals(text(p, "artifactId"))) {
        return p;
      }
    }
    throw new AssertionError(artifactId + " is not configured in the parent pom");
  }
}
