package io.vjvector.plugins.internal;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin's {@link System.Logger}, writing to the host's log through SLF4J under the category
 * {@code vjvector.plugin.<plugin id>}, so that operators can tune each plugin's level in {@code
 * etc/org.ops4j.pax.logging.cfg}.
 */
final class PluginLogger implements System.Logger {
  static final String CATEGORY_PREFIX = "vjvector.plugin.";

  private final Logger log;

  PluginLogger(String pluginId) {
    this.log = LoggerFactory.getLogger(CATEGORY_PREFIX + pluginId);
  }

  @Override
  public String getName() {
    return log.getName();
  }

  @Override
  public boolean isLoggable(Level level) {
    switch (level) {
      case ALL:
      case TRACE:
        return log.isTraceEnabled();
      case DEBUG:
        return log.isDebugEnabled();
      case INFO:
        return log.isInfoEnabled();
      case WARNING:
        return log.isWarnEnabled();
      case ERROR:
        return log.isErrorEnabled();
      default:
        return false; // OFF
    }
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    if (isLoggable(level)) {
      write(level, localize(bundle, msg), thrown);
    }
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    if (isLoggable(level)) {
      String pattern = localize(bundle, format);
      String text =
          params == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params);
      write(level, text, null);
    }
  }

  private void write(Level level, String text, Throwable thrown) {
    switch (level) {
      case ALL:
      case TRACE:
        log.trace(text, thrown);
        break;
      case DEBUG:
        log.debug(text, thrown);
        break;
      case INFO:
        log.info(text, thrown);
        break;
      case WARNING:
        log.warn(text, thrown);
        break;
      default:
        log.error(text, thrown);
        break;
    }
  }

  private static String localize(ResourceBundle bundle, String key) {
    if (bundle == null || key == null) {
      return String.valueOf(key);
    }
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }
}
