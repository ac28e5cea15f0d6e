package com.optimalworkforce.examples.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Prints a plain-text table: the first {@code leftColumns} columns left-aligned, the rest
 * right-aligned, columns two spaces apart, a rule under the header.
 *
 * <pre>{@code
 * TablePrinter.of(List.of("region", "visits"), 1).row(List.of("toronto-east", "1204")).print(System.out, "  ");
 * }</pre>
 */
public final class TablePrinter {
  private final List<String> headers;
  private final int leftColumns;
  private final List<List<String>> rows = new ArrayList<>();

  private TablePrinter(List<String> headers, int leftColumns) {
    this.headers = List.copyOf(headers);
    this.leftColumns = leftColumns;
  }

  public static TablePrinter of(List<String> headers, int leftColumns) {
    Objects.requireNonNull(headers, "headers");
    if (leftColumns < 0 || leftColumns > headers.size()) {
      throw new IllegalArgumentException("leftColumns must be between 0 and " + headers.size() + " but was "
          + leftColumns);
    }
    return new TablePrinter(headers, leftColumns);
  }

  public TablePrinter row(List<String> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException("A row needs " + headers.size() + " cells but had " + cells.size());
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  public TablePrinter rows(List<List<String>> cells) {
    cells.forEach(this::row);
    return this;
  }

  /** Prints the table, each line starting with {@code indent}. */
  public void print(PrintStream out, String indent) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> r : rows) {
        widths[c] = Math.max(widths[c], r.get(c).length());
      }
    }
    out.println(indent + line(headers, widths));
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
    }
    out.println(indent + rule);
    for (List<String> r : rows) {
      out.println(indent + line(r, widths));
    }
  }

  private String line(List<String> cells, int[] widths) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      if (c > 0) {
        b.append("  ");
      }
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      b.append(c < leftColumns ? cell + pad : pad + cell);
    }
    return b.toString().stripTrailing();
  }
}
