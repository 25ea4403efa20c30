// form-js with its stylesheet is most of the bundle; it is loaded only when a form is shown.
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

export { Form } from '@bpmn-io/form-js-viewer';
export { japaneseDateModule, unreadableDates } from './formJsDateField';
