package io.lockwatch.jmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lockwatch.jmc.report.ReportMain;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report of a hazard recording rendered by headless Chromium (Debian's {@code chromium}):
 * the screenshot is a real, non-blank picture and the DOM holds the findings and the graph.
 */
class ChromiumReportTest {
  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  private static Path dir;
  private static Path html;

  @BeforeAll
  static void writeReport() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "skipped: /usr/bin/chromium is not installed "
        + "(apt-get install -y chromium)");
    dir = LockwatchRecordings.tempDir();
    html = dir.resolve("report.html");
    StringWriter err = new StringWriter();
    int code = ReportMain.run(new String[] {HazardFiles.cycle(dir).toString(), "-o",
        html.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(0, code, err.toString());
  }

  @Test
  void screenshot_isNotBlank() throws Exception {
    Path png = dir.resolve("report.png");
    Result r = chromium("--screenshot=" + png, "--window-size=1280,2000");
    assertTrue(Files.isRegularFile(png), "no screenshot; chromium said:\n" + r.output);
    assertTrue(Files.size(png) > 20_000, "screenshot too small: " + Files.size(png));
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1280, img.getWidth());
    Map<Integer, Integer> colours = new HashMap<>();
    int samples = 0;
    for (int y = 0; y < img.getHeight(); y += 4) {
      for (int x = 0; x < img.getWidth(); x += 4) {
        colours.merge(img.getRGB(x, y) & 0xF0F0F0, 1, Integer::sum);
        samples++;
      }
    }
    int dominant = colours.values().stream().max(Integer::compare).orElse(0);
    assertTrue(dominant < samples * 0.97, "mostly one colour: " + dominant + "/" + samples);
    assertTrue(colours.size() > 20, "too few colours: " + colours.size());
    Path target = Paths.get("target", "report.png");
    Files.createDirectories(target.getParent());
    Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void dom_hasFindingsRulesAndGraph() throws Exception {
    Result r = chromium("--dump-dom");
    String dom = r.output;
    assertTrue(dom.contains("Lockwatch findings"), dom.length() + " chars of DOM");
    assertTrue(dom.contains("LOCK_ORDER_CYCLE"));
    assertTrue(dom.contains("<svg"), "the graph is in the DOM");
    assertTrue(dom.contains("Lockwatch: Lock-Order Cycles"), "our JMC rule is in the DOM");
  }

  private record Result(int code, String output) {}

  private static Result chromium(String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    cmd.add(html.toUri().toString());
    Path out = dir.resolve("chromium-" + System.nanoTime() + ".out");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
        .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium timed out");
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
    }
  }
}
