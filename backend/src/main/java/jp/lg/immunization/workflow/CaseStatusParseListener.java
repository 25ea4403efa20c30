package jp.lg.immunization.workflow;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Adds the case-status listener to every step that declares a {@code caseStatus} property. */
class CaseStatusParseListener extends AbstractBpmnParseListener {

  private final CaseStatusListener listener;

  CaseStatusParseListener(CaseStatusListener listener) {
    this.listener = listener;
  }

  @Override
  public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    add(element, activity, CaseStatusListener.Position.START);
  }

  @Override
  public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    add(element, activity, CaseStatusListener.Position.END);
  }

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    add(element, activity, CaseStatusListener.Position.STEP);
  }

  @Override
  public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    add(element, activity, CaseStatusListener.Position.STEP);
  }

  @Override
  public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    add(element, activity, CaseStatusListener.Position.STEP);
  }

  @Override
  public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    add(element, activity, CaseStatusListener.Position.STEP);
  }

  @Override
  public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    add(element, activity, CaseStatusListener.Position.STEP);
  }

  @Override
  public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    add(element, activity, CaseStatusListener.Position.STEP);
  }

  @Override
  public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
    add(element, activity, CaseStatusListener.Position.STEP);
  }

  private void add(Element element, ActivityImpl activity, CaseStatusListener.Position position) {
    String status = property(element, CaseStatusListener.PROPERTY);
    if (status != null) {
      activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, listener.at(
          ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey(), status, activity.getName(), position));
    }
  }

  static String property(Element element, String name) {
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
