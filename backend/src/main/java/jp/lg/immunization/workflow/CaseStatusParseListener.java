package jp.lg.immunization.workflow;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds the case-status listener to every step, at any depth, that declares a {@code caseStatus} property, once the
 * whole process is parsed: on the step's start, or on the flows into it when the step is asynchronous.
 */
class CaseStatusParseListener extends AbstractBpmnParseListener {

  private final CaseStatusListener listener;

  CaseStatusParseListener(CaseStatusListener listener) {
    this.listener = listener;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    addTo(processElement, processDefinition);
  }

  private void addTo(Element parent, ProcessDefinitionEntity process) {
    for (Element element : parent.elements()) {
      String status = property(element, CaseStatusListener.PROPERTY);
      ActivityImpl activity = element.attribute("id") == null ? null : process.findActivity(element.attribute("id"));
      if (status != null && activity != null) {
        // The element's own name: the engine does not keep one for every kind of activity (end events have none).
        ExecutionListener entering = listener.at(process.getKey(), status, element.attribute("name"), position(element));
        if (activity.isAsyncBefore() && !activity.getIncomingTransitions().isEmpty()) {
          // An asynchronous step starts only when its job runs, which a failing system can delay for hours: the case
          // enters the step's status as the process moves towards it, in the transaction of the step before.
          activity.getIncomingTransitions().forEach(transition ->
              ((TransitionImpl) transition).addListener(ExecutionListener.EVENTNAME_TAKE, entering));
        } else {
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, entering);
        }
      }
      if ("subProcess".equals(element.getTagName())) {
        addTo(element, process);
      }
    }
  }

  private static CaseStatusListener.Position position(Element element) {
    return switch (element.getTagName()) {
      case "startEvent" -> CaseStatusListener.Position.START;
      case "endEvent" -> CaseStatusListener.Position.END;
      default -> CaseStatusListener.Position.STEP;
    };
  }

  private static String property(Element element, String name) {
    Element extensions = element.element("extensionElements");
    Element properties = extensions == null ? null
        : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return null;
    }
    return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
        .filter(property -> name.equals(property.attribute("name"))).map(property -> property.attribute("value"))
        .findFirst().orElse(null);
  }
}
