import { deadlineBadges, type DeadlineFacts } from '../deadline';

export function DeadlineBadges({ request, today }: { request: DeadlineFacts; today: string }) {
  return (
    <>
      {deadlineBadges(request, today).map((badge) => (
        <span key={badge.label} className={badge.className} data-testid="deadline-badge">
          {badge.label}
        </span>
      ))}
    </>
  );
}
