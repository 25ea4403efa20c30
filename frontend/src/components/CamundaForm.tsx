import type { Form } from '@bpmn-io/form-js-viewer';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { japaneseTranslationModule } from '../lib/formJsTranslations';

/** A Camunda Forms (form-js) schema as delivered by the backend. */
export type FormSchema = { components?: FormComponent[] } & Record<string, unknown>;

export interface FormComponent {
  key?: string;
  type?: string;
  label?: string;
  dateLabel?: string;
  subtype?: string;
  validate?: { required?: boolean };
  components?: FormComponent[];
}

export type FormValues = Record<string, unknown>;

/**
 * Values for a form from a link's query parameters (e.g. `?doseRecordId=12`): only the form's own fields, numbers for
 * its number fields.
 */
export function valuesFromParams(schema: FormSchema | null, params: URLSearchParams): FormValues {
  const values: FormValues = {};
  const visit = (components: FormComponent[] | undefined) =>
    components?.forEach((component) => {
      const value = component.key === undefined ? null : params.get(component.key);
      if (component.key !== undefined && value !== null) {
        values[component.key] = component.type === 'number' ? Number(value) : value;
      }
      visit(component.components);
    });
  visit(schema?.components);
  return values;
}

export interface CamundaFormHandle {
  /** Validates; `onSubmit` is called only when every field is valid. */
  submit: () => void;
}

interface SubmitEvent {
  data: FormValues;
  errors: Record<string, unknown>;
}

interface CamundaFormProps {
  schema: FormSchema;
  data?: FormValues;
  readOnly?: boolean;
  onSubmit: (values: FormValues) => void;
  ref?: Ref<CamundaFormHandle>;
}

export function CamundaForm({ schema, data, readOnly = false, onSubmit, ref }: CamundaFormProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<Form | null>(null);
  const onSubmitRef = useRef(onSubmit);
  const readOnlyRef = useRef(readOnly);
  // The schema and values whose import failed: another schema (the next task) starts without the error.
  const [failedImport, setFailedImport] = useState<{ schema: FormSchema; data: FormValues | undefined } | null>(null);
  const importFailed = failedImport !== null && failedImport.schema === schema && failedImport.data === data;

  useEffect(() => {
    onSubmitRef.current = onSubmit;
  }, [onSubmit]);

  useEffect(() => {
    readOnlyRef.current = readOnly;
    formRef.current?.setProperty('readOnly', readOnly);
  }, [readOnly]);

  useEffect(() => {
    let alive = true;
    let form: Form | null = null;
    import('./formJs')
      .then(({ Form: FormViewer, japaneseDateModule, unreadableDates }) => {
        if (!alive || !containerRef.current) {
          return;
        }
        form = new FormViewer({
          container: containerRef.current,
          additionalModules: [japaneseTranslationModule, japaneseDateModule],
          properties: { readOnly: readOnlyRef.current },
        });
        formRef.current = form;
        // A submit button inside the schema submits too, so the event rather than submit()'s result is used. A date
        // typed so that it reads as no date is shown as such under its field and keeps the form from being sent.
        form.on('submit', (event: SubmitEvent) => {
          if (Object.keys(event.errors).length === 0 && unreadableDates(schema.components, event.data).length === 0) {
            onSubmitRef.current(event.data);
          }
        });
        return form.importSchema(schema, data ?? {});
      })
      .catch(() => {
        if (alive) {
          setFailedImport({ schema, data });
        }
      });
    return () => {
      alive = false;
      formRef.current = null;
      form?.destroy();
    };
  }, [schema, data]);

  useImperativeHandle(
    ref,
    () => ({
      submit() {
        if (formRef.current && !readOnlyRef.current) {
          formRef.current.submit();
        }
      },
    }),
    [],
  );

  return (
    <>
      {importFailed && (
        <p className="message message-error" role="alert">
          入力フォームを表示できませんでした。管理者に連絡してください。
        </p>
      )}
      <div ref={containerRef} className="camunda-form" data-testid="camunda-form" />
    </>
  );
}

/** The label a schema shows for a field key, so server-side field errors can be named as the user sees them. */
export function fieldLabel(schema: FormSchema | null, key: string): string {
  const search = (components: FormComponent[] = []): string | null => {
    for (const component of components) {
      if (component.key === key) {
        return component.label ?? component.dateLabel ?? key;
      }
      const nested = search(component.components);
      if (nested) {
        return nested;
      }
    }
    return null;
  };
  return (schema && search(schema.components)) ?? key;
}
