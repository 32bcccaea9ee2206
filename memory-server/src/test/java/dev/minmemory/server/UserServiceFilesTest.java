package dev.minmemory.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** deploy/systemd and deploy/launchd: well-formed, and both start the jar where the README installs it. */
class UserServiceFilesTest {

    private static final Path UNIT = Path.of("..", "deploy", "systemd", "min-memory.service");
    private static final Path PLIST = Path.of("..", "deploy", "launchd", "dev.minmemory.server.plist");
    private static final String INSTALLED_JAR = "/.local/lib/min-memory/quarkus-run.jar";

    @TempDir
    Path scratch;

    @Test
    void theSystemdUnitRunsTheInstalledJarAndRestartsItAfterAFailure() throws IOException {
        Map<String, Map<String, String>> unit = iniSections(Files.readAllLines(UNIT, StandardCharsets.UTF_8));

        assertThat(unit).containsOnlyKeys("Unit", "Service", "Install");
        assertThat(unit.get("Service").get("ExecStart")).endsWith("java -jar %h" + INSTALLED_JAR);
        assertThat(unit.get("Service")).containsEntry("Restart", "on-failure");
        assertThat(unit.get("Install")).containsEntry("WantedBy", "default.target");
    }

    @Test
    void systemdAnalyzeFindsNothingToSayAboutTheUnit() throws Exception {
        Optional<Path> analyze = executable("systemd-analyze");
        assumeTrue(analyze.isPresent(), "systemd-analyze is not installed");
        Path unit = Files.copy(UNIT, scratch.resolve("min-memory.service"));

        Result verify = run(analyze.get().toString(), "verify", unit.toString());

        assertThat(verify.output()).isBlank();
        assertThat(verify.exitCode()).isZero();
    }

    @Test
    void theLaunchdAgentRunsTheInstalledJarAtLoginAndAgainAfterAFailure() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element plist = factory.newDocumentBuilder().parse(PLIST.toFile()).getDocumentElement();
        Map<String, Element> agent = dictionary(firstChildElement(plist));

        assertThat(plist.getTagName()).isEqualTo("plist");
        assertThat(agent.get("Label").getTextContent()).isEqualTo("dev.minmemory.server");
        assertThat(childElements(agent.get("ProgramArguments"))).extracting(Node::getTextContent)
                .containsExactly("/usr/bin/java", "-jar", "__HOME__" + INSTALLED_JAR);
        assertThat(agent.get("RunAtLoad").getTagName()).isEqualTo("true");
        assertThat(dictionary(agent.get("KeepAlive")).get("SuccessfulExit").getTagName()).isEqualTo("false");
    }

    @Test
    void plutilFindsTheAgentValid() throws Exception {
        Optional<Path> plutil = executable("plutil");
        assumeTrue(plutil.isPresent(), "plutil (macOS) is not installed");

        assertThat(run(plutil.get().toString(), "-lint", PLIST.toString()).exitCode()).isZero();
    }

    private static Map<String, Map<String, String>> iniSections(List<String> lines) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith(";")) {
                continue;
            }
            if (text.startsWith("[") && text.endsWith("]")) {
                current = sections.computeIfAbsent(text.substring(1, text.length() - 1), name -> new LinkedHashMap<>());
            } else {
                assertThat(current).as("a setting before any section: %s", text).isNotNull();
                assertThat(text).as("a setting is key=value").contains("=");
                current.put(text.substring(0, text.indexOf('=')).strip(),
                        text.substring(text.indexOf('=') + 1).strip());
            }
        }
        return sections;
    }

    /** A plist dict: each key element followed by its value element. */
    private static Map<String, Element> dictionary(Element dict) {
        assertThat(dict.getTagName()).isEqualTo("dict");
        Map<String, Element> entries = new LinkedHashMap<>();
        List<Element> children = childElements(dict);
        for (int i = 0; i < children.size(); i += 2) {
            assertThat(children.get(i).getTagName()).isEqualTo("key");
            entries.put(children.get(i).getTextContent(), children.get(i + 1));
        }
        return entries;
    }

    private static Element firstChildElement(Element parent) {
        return childElements(parent).get(0);
    }

    private static List<Element> childElements(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Optional<Path> executable(String name) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, name);
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
