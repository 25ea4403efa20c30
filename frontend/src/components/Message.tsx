import type { ReactNode } from 'react';

interface MessageProps {
  children: ReactNode;
  testId?: string;
}

export function ErrorMessage({ children, testId }: MessageProps) {
  return (
    <div className="message message-error" role="alert" data-testid={testId}>
      {children}
    </div>
  );
}

export function Notice({ children, testId }: MessageProps) {
  return (
    <div className="message message-notice" role="status" data-testid={testId}>
      {children}
    </div>
  );
}

export function Loading() {
  return (
    <p className="loading" role="status">
      読み込み中…
    </p>
  );
}

interface FieldErrorProps {
  /** Referenced by the field's aria-describedby so screen readers read the message with the field. */
  id: string;
  message: string | undefined;
}

/** The server's validation message for one field, shown right below it. */
export function FieldError({ id, message }: FieldErrorProps) {
  if (!message) {
    return null;
  }
  return (
    <p className="field-error" id={id}>
      {message}
    </p>
  );
}
