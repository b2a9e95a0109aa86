package dev.traininginputs.report;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the report says about the run itself: its settings and inputs, in display order.
 *
 * @param title a heading, e.g. the output folder
 * @param settings option name to value, in the order shown
 */
public record RunInfo(String title, LinkedHashMap<String, String> settings)
    implements Serializable {

  public RunInfo {
    settings = new LinkedHashMap<>(settings);
  }

  public Map<String, String> settingsView() {
    return java.util.Collections.unmodifiableMap(settings);
  }
}
