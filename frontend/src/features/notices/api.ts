import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api';

export type NoticeKind = 'NEW_WORK' | 'ASSIGNED' | 'APPROVAL' | 'SENT_BACK';

export interface Notice {
  id: number;
  kind: NoticeKind;
  message: string;
  taskId: string | null;
  created: string;
  read: boolean;
}

export interface NoticeSummary {
  unread: number;
  newWork: number;
  newApprovals: number;
  notices: Notice[];
}

export const NOTICE_KINDS: Record<NoticeKind, string> = {
  NEW_WORK: '新しいタスク',
  ASSIGNED: '割り当て',
  APPROVAL: '承認待ち',
  SENT_BACK: '差戻し',
};

export function fetchNotices(): Promise<NoticeSummary> {
  return apiRequest<NoticeSummary>('/tasks/notices');
}

export function markNoticesRead(): Promise<void> {
  return apiRequest<void>('/tasks/notices/read', { method: 'POST' });
}

/** E-mail notices of new tasks: whether the city sends them, and the address the user gave. */
export interface MailSubscription {
  available: boolean;
  address: string | null;
}

export function fetchMailSubscription(): Promise<MailSubscription> {
  return apiRequest<MailSubscription>('/tasks/notices/mail');
}

export function subscribeToMail(address: string): Promise<MailSubscription> {
  return apiRequest<MailSubscription>('/tasks/notices/mail', { method: 'PUT', body: { address } });
}

export function unsubscribeFromMail(): Promise<void> {
  return apiRequest<void>('/tasks/notices/mail', { method: 'DELETE' });
}

export const noticeKeys = { all: ['notices'] as const };

export const mailSubscriptionQuery = () =>
  queryOptions({ queryKey: [...noticeKeys.all, 'mail'] as const, queryFn: fetchMailSubscription });

/** Polled slowly as well: the push reaches only browsers connected to the node where the change happened. */
export const noticesQuery = () =>
  queryOptions({ queryKey: noticeKeys.all, queryFn: fetchNotices, refetchInterval: 60_000 });

/** The server's push (server-sent events): each event only says that the summary may have changed. */
export function subscribeToNotices(onChange: () => void): () => void {
  if (typeof EventSource === 'undefined') {
    return () => {};
  }
  const source = new EventSource('/api/tasks/notices/stream');
  source.addEventListener('notice', onChange);
  return () => source.close();
}
