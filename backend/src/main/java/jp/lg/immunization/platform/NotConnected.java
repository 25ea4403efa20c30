package jp.lg.immunization.platform;

import java.lang.reflect.Proxy;

/**
 * The adapter of a national or city system's port where neither a real adapter nor the simulator is configured: every
 * call fails, so the job that made it becomes an incident an administrator sees and can retry once the system is
 * connected. Nothing is sent and nothing is pretended to have been answered.
 */
public final class NotConnected {

  private NotConnected() {}

  /** @param system the system's name for the log and the incident, e.g. {@code 中間サーバー} */
  public static <T> T port(Class<T> portType, String system) {
    return portType.cast(Proxy.newProxyInstance(portType.getClassLoader(), new Class<?>[] {portType},
        (proxy, method, arguments) -> switch (method.getName()) {
          case "toString" -> "NotConnected(" + portType.getSimpleName() + ")";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == arguments[0];
          default -> throw new IllegalStateException("No adapter for " + system + " (" + portType.getSimpleName()
              + ") is configured and simulators are off: " + method.getName() + " was not sent");
        }));
  }
}
