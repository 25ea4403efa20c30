interface ProgressBarProps {
  /** Read with the bar by screen readers, e.g. 「アップロード」. */
  label: string;
  value: number;
  max: number;
  /** What the numbers mean to the user, e.g. 「120 / 400 行」; a percentage when left out. */
  text?: string;
  testId?: string;
}

/** A labelled progress bar with its figures as text; the text is announced as it changes. */
export function ProgressBar({ label, value, max, text, testId }: ProgressBarProps) {
  const percent = max > 0 ? Math.min(100, Math.floor((value / max) * 100)) : 0;
  return (
    <div className="progress">
      <progress
        aria-label={label}
        value={max > 0 ? value : undefined}
        max={max > 0 ? max : undefined}
        data-testid={testId}
      />
      <span className="progress-text" aria-live="polite">
        {text ?? `${percent}%`}
      </span>
    </div>
  );
}
