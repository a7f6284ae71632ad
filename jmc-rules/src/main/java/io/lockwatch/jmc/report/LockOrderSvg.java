package io.lockwatch.jmc.report;

import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.StackRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Draws one lock-order cycle as SVG: the locks (and pools) on a circle, one arrow per edge labelled
 * with the thread that took it. No layout engine: a circle is enough for a cycle.
 */
final class LockOrderSvg {
  private static final int SIZE = 420;
  private static final int RADIUS = 140;
  private static final int NODE_R = 34;

  private LockOrderSvg() {}

  /**
   * @param cycle a finding whose stacks are the edges of the cycle (from, to)
   * @return an {@code <svg>} element
   */
  static String draw(Finding cycle) {
    List<StackRef> edges = new ArrayList<>();
    Set<String> nodes = new LinkedHashSet<>();
    for (StackRef s : cycle.stacks()) {
      if (!s.from().isEmpty() && !s.to().isEmpty()) {
        edges.add(s);
        nodes.add(s.from());
        nodes.add(s.to());
      }
    }
    List<String> order = new ArrayList<>(nodes);
    int n = Math.max(order.size(), 1);
    double[][] xy = new double[n][2];
    for (int i = 0; i < order.size(); i++) {
      double a = -Math.PI / 2 + 2 * Math.PI * i / n;
      xy[i][0] = SIZE / 2.0 + RADIUS * Math.cos(a);
      xy[i][1] = SIZE / 2.0 + RADIUS * Math.sin(a);
    }
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lockwatch-graph\" width=\"")
        .append(SIZE).append("\" height=\"").append(SIZE).append("\" viewBox=\"0 0 ").append(SIZE)
        .append(' ').append(SIZE).append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(cycle.summary())).append("\">")
        .append("<defs><marker id=\"arrow-").append(Html.escape(cycle.id()))
        .append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
            + "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" "
            + "fill=\"#c0392b\"/></marker></defs>")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#fdfdfd\" stroke=\"#ddd\"/>");
    for (StackRef e : edges) {
      double[] a = xy[order.indexOf(e.from())];
      double[] b = xy[order.indexOf(e.to())];
      double dx = b[0] - a[0];
      double dy = b[1] - a[1];
      double len = Math.max(Math.hypot(dx, dy), 1);
      // Bend each edge a little so that A->B and B->A do not overlap.
      double mx = (a[0] + b[0]) / 2 - dy / len * 30;
      double my = (a[1] + b[1]) / 2 + dx / len * 30;
      double[] start = toward(a, mx, my, NODE_R);
      double[] end = toward(b, mx, my, NODE_R + 2);
      svg.append("<path class=\"edge\" d=\"M").append(f(start[0])).append(',').append(f(start[1]))
          .append(" Q").append(f(mx)).append(',').append(f(my)).append(' ').append(f(end[0]))
          .append(',').append(f(end[1])).append("\" fill=\"none\" stroke=\"#c0392b\" "
              + "stroke-width=\"2\" marker-end=\"url(#arrow-").append(Html.escape(cycle.id()))
          .append(")\"/>");
      String thread = e.thread() == null ? "" : e.thread().name();
      svg.append("<text x=\"").append(f(mx)).append("\" y=\"").append(f(my))
          .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">")
          .append(Html.escape(thread)).append("</text>");
    }
    for (int i = 0; i < order.size(); i++) {
      svg.append("<g class=\"node\"><circle cx=\"").append(f(xy[i][0])).append("\" cy=\"")
          .append(f(xy[i][1])).append("\" r=\"").append(NODE_R)
          .append("\" fill=\"#eaf2fb\" stroke=\"#2c3e50\" stroke-width=\"1.5\"/>")
          .append("<text x=\"").append(f(xy[i][0])).append("\" y=\"").append(f(xy[i][1] + 4))
          .append("\" font-size=\"11\" font-family=\"sans-serif\" text-anchor=\"middle\">")
          .append(Html.escape(shorten(order.get(i)))).append("</text></g>");
    }
    return svg.append("</svg>").toString();
  }

  private static double[] toward(double[] p, double x, double y, double dist) {
    double dx = x - p[0];
    double dy = y - p[1];
    double len = Math.max(Math.hypot(dx, dy), 1);
    return new double[] {p[0] + dx / len * dist, p[1] + dy / len * dist};
  }

  private static String shorten(String name) {
    return name.length() <= 14 ? name : name.substring(0, 13) + "\u2026";
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
