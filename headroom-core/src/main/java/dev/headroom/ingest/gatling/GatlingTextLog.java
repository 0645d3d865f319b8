package dev.headroom.ingest.gatling;

import dev.headroom.ingest.loadtest.InputLimits;
import dev.headroom.ingest.loadtest.Numbers;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokenises the text {@code simulation.log} (Gatling 2.0 to 3.12) into {@link GatlingEvents}.
 * Columns are separated by tabs; the record type is in the first column, or in the third for
 * Gatling 2.0–2.2. Which of the text layouts a line uses is read from the line itself (where its
 * OK/KO or START/END token sits), so files mixing layouts or trimmed by hand still read. See {@link
 * GatlingLogReader} for the layouts.
 */
final class GatlingTextLog {

  private GatlingTextLog() {}

  /**
   * Reads every line of {@code in}; lines that cannot be read are reported as skipped. {@code
   * lineNo[0]} holds the number of the last line read, also when reading fails.
   */
  static GatlingLogLayout parse(BufferedReader in, GatlingEvents events, long[] lineNo)
      throws IOException {
    GatlingLogLayout layout = null;
    String line;
    List<String> cols = new ArrayList<>(12);
    while ((line = in.readLine()) != null) {
      lineNo[0]++;
      if (line.isBlank()) {
        continue;
      }
      split(line, cols);
      String type = cols.get(0);
      boolean oldTypeColumn = false;
      if (!isType(type) && cols.size() > 2 && isType(cols.get(2))) {
        type = cols.get(2);
        oldTypeColumn = true;
      }
      String where = "line " + lineNo[0];
      checkTimes(cols, lineNo[0]);
      switch (type) {
        case "RUN" -> run(cols, where, events);
        case "USER" -> {
          GatlingLogLayout l = user(cols, oldTypeColumn, where, events);
          layout = layout == null ? l : layout;
        }
        case "REQUEST" -> {
          GatlingLogLayout l =
              oldTypeColumn ? request2(cols, where, events) : request(cols, where, events);
          layout = layout == null ? l : layout;
        }
        case "GROUP" -> events.group();
        case "ERROR" -> events.error();
        case "ASSERTION" -> events.assertion();
        default -> events.skipped(where, "unknown record type \"" + abbreviate(type) + "\"");
      }
    }
    return layout == null ? GatlingLogLayout.TEXT : layout;
  }

  private static boolean isType(String s) {
    return switch (s) {
      case "RUN", "USER", "REQUEST", "GROUP", "ERROR", "ASSERTION" -> true;
      default -> false;
    };
  }

  /**
   * RUN: {@code RUN class simulationId startMs description version} (3.x and 2.3), or {@code class
   * simulationId RUN startMs description version} (2.0). The version is the last column, the start
   * the first column that is an epoch in milliseconds.
   */
  private static void run(List<String> cols, String where, GatlingEvents events) {
    long start = 0;
    int startAt = -1;
    for (int i = 1; i < cols.size(); i++) {
      Long v = parseLong(cols.get(i));
      if (v != null && v > 100_000_000_000L) {
        start = v;
        startAt = i;
        break;
      }
    }
    if (startAt < 0) {
      events.skipped(where, "RUN record without a start time in epoch milliseconds");
      return;
    }
    String simulation = cols.get(0).equals("RUN") ? cols.get(1) : cols.get(0);
    String version = cols.size() > startAt + 2 ? cols.get(cols.size() - 1).strip() : "";
    events.run(version, simulation, start, List.of());
  }

  /**
   * USER: {@code USER scenario START|END epochMs} (3.4+); {@code USER scenario userId START|END
   * userStartMs eventMs} (2.3–3.3); {@code scenario userId USER START|END userStartMs endMs} (2.0,
   * where START carries 0 as end).
   */
  private static GatlingLogLayout user(
      List<String> cols, boolean oldTypeColumn, String where, GatlingEvents events) {
    int k = -1;
    for (int i = oldTypeColumn ? 3 : 2; i <= 3 && i < cols.size(); i++) {
      String s = cols.get(i);
      if (s.equals("START") || s.equals("END")) {
        k = i;
        break;
      }
    }
    if (k < 0 || k + 1 >= cols.size()) {
      events.skipped(
          where,
          "USER record with " + cols.size() + " columns and no START/END followed by a time");
      return null;
    }
    boolean start = cols.get(k).equals("START");
    String timeCol = !start && k + 2 < cols.size() ? cols.get(k + 2) : cols.get(k + 1);
    Long t = parseLong(timeCol);
    if (t == null) {
      events.skipped(
          where, "USER record with time \"" + abbreviate(timeCol) + "\", not epoch milliseconds");
      return null;
    }
    String scenario = oldTypeColumn ? cols.get(0) : cols.get(1);
    events.user(scenario, start, t);
    if (oldTypeColumn) {
      return GatlingLogLayout.TEXT_2_0;
    }
    return k == 3 ? GatlingLogLayout.TEXT_WITH_USER_ID : GatlingLogLayout.TEXT;
  }

  /**
   * REQUEST, record type first: {@code REQUEST groups name start end OK|KO message} (3.4+), {@code
   * REQUEST userId groups name start end …} (3.0–3.3), {@code REQUEST scenario userId groups name
   * start end …} (2.3). The status sits at column 5, 6 or 7 after two timestamps; the message may
   * be missing (hand-trimmed files).
   */
  private static GatlingLogLayout request(List<String> cols, String where, GatlingEvents events) {
    for (int s = 5; s <= 7 && s < cols.size(); s++) {
      String status = cols.get(s);
      if (status.equals("OK") || status.equals("KO")) {
        Long start = parseLong(cols.get(s - 2));
        Long end = parseLong(cols.get(s - 1));
        if (start != null && end != null) {
          return emitRequest(start, end, status.equals("OK"), where, events)
              ? (s == 5 ? GatlingLogLayout.TEXT : GatlingLogLayout.TEXT_WITH_USER_ID)
              : null;
        }
      }
    }
    events.skipped(
        where,
        "REQUEST record with "
            + cols.size()
            + " columns; expected [userId] groups name startMs endMs OK|KO [message]");
    return null;
  }

  /**
   * REQUEST, Gatling 2.0–2.2: {@code scenario userId REQUEST groups name requestStart requestEnd
   * responseStart responseEnd OK|KO message}. Response time is responseEnd − requestStart, as
   * Gatling 2 charted it (first byte sent to last byte received).
   */
  private static GatlingLogLayout request2(List<String> cols, String where, GatlingEvents events) {
    if (cols.size() < 10) {
      events.skipped(
          where, "Gatling 2 REQUEST record with " + cols.size() + " columns, expected at least 10");
      return null;
    }
    Long start = parseLong(cols.get(5));
    Long end = parseLong(cols.get(8));
    String status = cols.get(9);
    if (start == null || end == null || !(status.equals("OK") || status.equals("KO"))) {
      events.skipped(
          where,
          "Gatling 2 REQUEST record without times in columns 6 and 9 and OK|KO in column 10");
      return null;
    }
    return emitRequest(start, end, status.equals("OK"), where, events)
        ? GatlingLogLayout.TEXT_2_0
        : null;
  }

  private static boolean emitRequest(
      long start, long end, boolean ok, String where, GatlingEvents events) {
    if (end < start) {
      events.skipped(where, "REQUEST ends (" + end + ") before it starts (" + start + ")");
      return false;
    }
    events.request(start, end, ok);
    return true;
  }

  private static void split(String line, List<String> out) {
    out.clear();
    int from = 0;
    int tab;
    while ((tab = line.indexOf('\t', from)) >= 0) {
      out.add(line.substring(from, tab));
      from = tab + 1;
    }
    out.add(line.substring(from));
  }

  /**
   * The latest time a log may hold, 9999-12-31T23:59:59.999Z in epoch milliseconds. Times are kept
   * in microseconds downstream (× 1000), so a larger value would overflow a {@code long}; no real
   * run is that late, so a field of digits beyond it is a corrupt file, not a skipped record.
   */
  static final long MAX_EPOCH_MS = 253_402_300_799_999L;

  /** Refuses a field of digits too large to be a time, at its line and column. */
  private static void checkTimes(List<String> cols, long line) throws InputLimits.LimitExceeded {
    int column = 1;
    for (String c : cols) {
      if (c.length() > 15 && isDigits(c)) {
        Long v = Numbers.longOrNull(c);
        if (v == null || v > MAX_EPOCH_MS) {
          throw new InputLimits.LimitExceeded(
              line,
              column,
              "the number \"" + abbreviate(c) + "\", too large for a time in epoch milliseconds",
              "times up to " + MAX_EPOCH_MS + " (9999-12-31) in epoch milliseconds");
        }
      }
      column += c.length() + 1;
    }
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /** A field of decimal digits as a time in epoch milliseconds (checked by {@link #checkTimes}). */
  private static Long parseLong(String s) {
    return isDigits(s) ? Numbers.longOrNull(s) : null;
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
