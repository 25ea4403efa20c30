// form-js draws its fields with Preact; its date field is replaced by the app's own JapaneseDateField (React), mounted
// inside the Preact field, so that a date in a Camunda form is typed and picked as everywhere else.
import { Datetime, DATETIME_SUBTYPES } from '@bpmn-io/form-js-viewer';
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { formatWarekiDate } from '../lib/date';
import { parseJapaneseDate } from '../lib/wareki';
import { JapaneseDateField } from './JapaneseDateField';

interface DatetimeField {
  key?: string;
  subtype?: string;
  label?: string;
  dateLabel?: string;
  validate?: { required?: boolean };
}

interface FieldProps {
  field: DatetimeField;
  domId: string;
  value?: string | null;
  errors?: string[];
  readonly?: boolean;
  disabled?: boolean;
  onChange: (change: { value: string | null }) => void;
  onBlur?: () => void;
}

/**
 * The value form-js keeps for what was typed: the ISO date when it reads as one, null when empty, and the text itself
 * otherwise, so that CamundaForm can refuse to submit an unreadable date (see {@link unreadableDates}).
 */
export function formValueOf(text: string): string | null {
  if (text.trim() === '') {
    return null;
  }
  return parseJapaneseDate(text) ?? text;
}

interface BridgeProps extends Omit<FieldProps, 'value'> {
  initial: string;
}

function DateBridge({ field, domId, initial, errors, readonly, disabled, onChange, onBlur }: BridgeProps) {
  const [text, setText] = useState(initial);
  return createElement(JapaneseDateField, {
    id: domId,
    label: field.dateLabel ?? field.label ?? '日付',
    value: text,
    required: field.validate?.required,
    readOnly: readonly,
    disabled,
    error: errors && errors.length > 0 ? errors.join(' ') : undefined,
    onBlur,
    onChange: (next: string) => {
      setText(next);
      onChange({ value: formValueOf(next) });
    },
  });
}

function JapaneseDate(props: FieldProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<Root | null>(null);
  const initialRef = useRef(props.value ? formatWarekiDate(props.value) : '');

  useEffect(() => {
    rootRef.current = createRoot(containerRef.current as HTMLDivElement);
    return () => {
      const mounted = rootRef.current;
      rootRef.current = null;
      // React may not unmount a root while it is rendering; Preact removes the field synchronously.
      queueMicrotask(() => mounted?.unmount());
    };
  }, []);

  useEffect(() => {
    rootRef.current?.render(createElement(DateBridge, { ...props, initial: initialRef.current }));
  });

  // Preact's h() hands the ref to the element as JSX would; nothing reads it during render.
  // eslint-disable-next-line react-hooks/refs
  return h('div', { class: 'fjs-form-field fjs-form-field-datetime', ref: containerRef });
}

/** form-js's date-time field, with every date-only field drawn as a JapaneseDateField. */
function JapaneseDatetime(props: FieldProps) {
  return props.field.subtype === DATETIME_SUBTYPES.DATE ? h(JapaneseDate, props) : h(Datetime, props);
}
JapaneseDatetime.config = Datetime.config;

class JapaneseDateRenderer {
  static $inject = ['formFields'];

  constructor(formFields: { register: (type: string, component: unknown) => void }) {
    formFields.register('datetime', JapaneseDatetime);
  }
}

/** A didi module registering the Japanese date field in place of form-js' own. */
export const japaneseDateModule = {
  __init__: ['japaneseDateRenderer'],
  japaneseDateRenderer: ['type', JapaneseDateRenderer],
};

interface SchemaComponent {
  key?: string;
  type?: string;
  subtype?: string;
  components?: SchemaComponent[];
}

/** Keys of the schema's date fields whose value is text that reads as no date. */
export function unreadableDates(components: SchemaComponent[] | undefined, data: Record<string, unknown>): string[] {
  const keys: string[] = [];
  const visit = (list: SchemaComponent[] | undefined) =>
    list?.forEach((component) => {
      const value = component.key === undefined ? undefined : data[component.key];
      if (
        component.type === 'datetime' &&
        component.subtype === DATETIME_SUBTYPES.DATE &&
        typeof value === 'string' &&
        !/^\d{4}-\d{2}-\d{2}$/.test(value)
      ) {
        keys.push(component.key as string);
      }
      visit(component.components);
    });
  visit(components);
  return keys;
}
