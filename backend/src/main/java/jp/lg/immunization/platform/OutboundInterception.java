package jp.lg.immunization.platform;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Puts the outbox between the modules and their ports: every bean with {@link Outbound} or {@link OutboundAnswer}
 * methods (an adapter, a simulator, a receiver) is advised so that the call is recorded, or the answer marked, in the
 * same transaction. The modules' code calls its ports as before. Adapters are remembered by port, so that the relay
 * can send an entry again after a restart, before anything has called the port.
 */
@Component
class OutboundInterception extends AbstractBeanFactoryAwareAdvisingPostProcessor {

  private final Map<Class<?>, Object> adapters = new ConcurrentHashMap<>();

  OutboundInterception(ObjectProvider<OutboundCalls> calls) {
    setProxyTargetClass(true);
    // After the transaction advice of a receiver, so that marking an answer is part of its transaction.
    setBeforeExistingAdvisors(false);
    this.advisor = new DefaultPointcutAdvisor(new StaticMethodMatcherPointcut() {
      @Override
      public boolean matches(Method method, Class<?> targetClass) {
        return outbound(method, targetClass).isPresent() || answer(method, targetClass) != null;
      }
    }, (MethodInterceptor) invocation -> intercept(invocation, calls.getObject()));
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    Class<?> type = AopUtils.getTargetClass(bean);
    for (Class<?> port : ClassUtils.getAllInterfacesForClassAsSet(type)) {
      for (Method method : port.getMethods()) {
        if (method.isAnnotationPresent(Outbound.class)) {
          adapters.put(port, bean);
        }
      }
    }
    return super.postProcessAfterInitialization(bean, beanName);
  }

  record Adapter(Object target, Method method) {}

  /** The systems of the ports in this app. */
  Set<String> systems() {
    return adapters.keySet().stream().flatMap(port -> Arrays.stream(port.getMethods()))
        .filter(method -> method.isAnnotationPresent(Outbound.class))
        .map(method -> method.getAnnotation(Outbound.class).system()).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The adapter of a port (its target, unadvised) and the method to call, for sending again. */
  Optional<Adapter> adapter(String portName, String methodName) {
    return adapters.entrySet().stream().filter(entry -> entry.getKey().getName().equals(portName)).findFirst()
        .flatMap(entry -> Arrays.stream(entry.getKey().getMethods())
            .filter(method -> method.getName().equals(methodName) && method.isAnnotationPresent(Outbound.class))
            .findFirst().map(method -> new Adapter(entry.getValue(), method)));
  }

  private Object intercept(MethodInvocation invocation, OutboundCalls calls) throws Throwable {
    Class<?> targetClass = invocation.getThis() == null ? invocation.getMethod().getDeclaringClass()
        : AopUtils.getTargetClass(invocation.getThis());
    Optional<PortMethod> outbound = outbound(invocation.getMethod(), targetClass);
    // Sent first: a refusal or a broken link records nothing and fails the caller (the engine retries the job).
    Object result = invocation.proceed();
    if (outbound.isPresent()) {
      calls.recordSent(outbound.get().outbound(), outbound.get().port(), invocation.getMethod(),
          invocation.getArguments());
    } else {
      calls.recordAnswer(answer(invocation.getMethod(), targetClass).system(), (String) invocation.getArguments()[0]);
    }
    return result;
  }

  record PortMethod(Class<?> port, Outbound outbound) {}

  private static Optional<PortMethod> outbound(Method method, Class<?> targetClass) {
    for (Class<?> port : ClassUtils.getAllInterfacesForClassAsSet(targetClass)) {
      Method declared = ClassUtils.getMethodIfAvailable(port, method.getName(), method.getParameterTypes());
      if (declared != null && declared.isAnnotationPresent(Outbound.class)) {
        return Optional.of(new PortMethod(port, declared.getAnnotation(Outbound.class)));
      }
    }
    return Optional.empty();
  }

  private static OutboundAnswer answer(Method method, Class<?> targetClass) {
    return AnnotationUtils.findAnnotation(ClassUtils.getMostSpecificMethod(method, targetClass), OutboundAnswer.class);
  }
}
