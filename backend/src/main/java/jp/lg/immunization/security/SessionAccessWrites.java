package jp.lg.immunization.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a request costs the session table. Spring Session JDBC, left alone, reads a session twice per request and
 * writes it once: its filter clears the session it read when the response is committed and, saving again at the end
 * of the request, reads it anew (spring-session issue 1731), and every request moves the last access time, which is an
 * UPDATE, a commit and its fsync even under a request that only reads.
 *
 * <p>Here a session is read once per request and written only when something else changed (the id after login, an
 * attribute, the timeout) or when its last access advanced by {@link #SLACK_MILLIS}: an idle session then expires at
 * most that much before its 30 minutes are up, and a request that changes nothing runs no session statement but the
 * read. The read stays in the database on every request, so that a session ended elsewhere (an account disabled, its
 * roles changed, on any node) is gone at the very next request. The read is one statement (the session joined with its
 * attributes) and runs as one, without a transaction around it: Spring Session opens one for it, which is a COMMIT
 * and a round trip more on every request, each a wait for a core when the machine is busy (issue 19, figure 3).
 */
@Configuration(proxyBeanMethods = false)
class SessionAccessWrites {

  static final long SLACK_MILLIS = 60_000;

  /** The sessions read by the request this thread serves; set only while a request passes {@link #sessionReadScope()}. */
  private static final ThreadLocal<Map<String, AccessedSession>> READ_IN_THIS_REQUEST = new ThreadLocal<>();

  /**
   * Set while {@link Repository#findById} asks Spring Session's repository for a session: one statement, and one more
   * to delete the session when it has expired, each atomic on its own.
   */
  private static final ThreadLocal<Boolean> READING = ThreadLocal.withInitial(() -> false);

  /**
   * Puts the rules above in front of Spring Session's repository, for the session filter and {@link Sessions}: Spring
   * Boot makes that repository only while no other exists, so this one takes its place rather than standing beside it.
   * The repository's own transactions (each save and delete, apart from any transaction of the caller's) run on the
   * data source's transaction manager: the application's JPA one would open an entity manager for each, which was
   * more than half of the CPU of reading a session. Its read runs without one.
   */
  @Bean
  static BeanPostProcessor sessionAccessWritesInFrontOfTheRepository(ObjectProvider<DataSource> dataSource) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JdbcHttpSessionConfiguration configuration) {
          TransactionTemplate sessionTransactions = new TransactionTemplate(
              new JdbcTransactionManager(dataSource.getObject()));
          sessionTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
          configuration.setTransactionOperations(new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
              return READING.get() ? TransactionOperations.withoutTransaction().execute(action)
                  : sessionTransactions.execute(action);
            }
          });
        }
        return bean;
      }

      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof JdbcIndexedSessionRepository jdbc ? new Repository(jdbc) : bean;
      }
    };
  }

  /** Just outside the session filter, on every dispatch it runs on: what a request read lives as long as the request. */
  @Bean
  FilterRegistrationBean<Filter> sessionReadScope() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
      Map<String, AccessedSession> outer = READ_IN_THIS_REQUEST.get();
      READ_IN_THIS_REQUEST.set(new HashMap<>());
      try {
        chain.doFilter(request, response);
      } finally {
        READ_IN_THIS_REQUEST.set(outer);
      }
    });
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    return registration;
  }

  private static final class Repository implements FindByIndexNameSessionRepository<AccessedSession> {

    private final FindByIndexNameSessionRepository<Session> jdbc;

    @SuppressWarnings("unchecked")
    Repository(JdbcIndexedSessionRepository jdbc) {
      // Its session type is private to its package; it takes back only the sessions it gave out.
      this.jdbc = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) jdbc;
    }

    @Override
    public AccessedSession createSession() {
      return new AccessedSession(jdbc.createSession(), true);
    }

    @Override
    public void save(AccessedSession session) {
      if (session.unsaved) {
        jdbc.save(session.stored);
        session.saved();
      }
    }

    @Override
    public AccessedSession findById(String id) {
      Map<String, AccessedSession> read = READ_IN_THIS_REQUEST.get();
      AccessedSession session = read == null ? null : read.get(id);
      if (session != null && session.getId().equals(id)) {
        return session;
      }
      Session stored;
      READING.set(true);
      try {
        stored = jdbc.findById(id);
      } finally {
        READING.set(false);
      }
      session = stored == null ? null : new AccessedSession(stored, false);
      if (read != null && session != null) {
        read.put(id, session);
      }
      return session;
    }

    @Override
    public void deleteById(String id) {
      Map<String, AccessedSession> read = READ_IN_THIS_REQUEST.get();
      if (read != null) {
        read.remove(id);
      }
      jdbc.deleteById(id);
    }

    @Override
    public Map<String, AccessedSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
      return jdbc.findByIndexNameAndIndexValue(indexName, indexValue).entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, entry -> new AccessedSession(entry.getValue(), false)));
    }
  }

  /**
   * A stored session that passes on every change but a last access within {@link #SLACK_MILLIS} of the one stored, and
   * knows whether it has anything to save.
   */
  static final class AccessedSession implements Session {

    private final Session stored;
    private boolean unsaved;

    private AccessedSession(Session stored, boolean unsaved) {
      this.stored = stored;
      this.unsaved = unsaved;
    }

    private void saved() {
      unsaved = false;
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
      if (unsaved || Duration.between(stored.getLastAccessedTime(), lastAccessedTime).toMillis() >= SLACK_MILLIS) {
        stored.setLastAccessedTime(lastAccessedTime);
        unsaved = true;
      }
    }

    @Override
    public String changeSessionId() {
      unsaved = true;
      return stored.changeSessionId();
    }

    @Override
    public void setAttribute(String attributeName, Object attributeValue) {
      unsaved = true;
      stored.setAttribute(attributeName, attributeValue);
    }

    @Override
    public void removeAttribute(String attributeName) {
      unsaved = true;
      stored.removeAttribute(attributeName);
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      unsaved = true;
      stored.setMaxInactiveInterval(interval);
    }

    @Override
    public String getId() {
      return stored.getId();
    }

    @Override
    public <T> T getAttribute(String attributeName) {
      return stored.getAttribute(attributeName);
    }

    @Override
    public Set<String> getAttributeNames() {
      return stored.getAttributeNames();
    }

    @Override
    public Instant getCreationTime() {
      return stored.getCreationTime();
    }

    @Override
    public Instant getLastAccessedTime() {
      return stored.getLastAccessedTime();
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return stored.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return stored.isExpired();
    }
  }
}
