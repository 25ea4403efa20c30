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
