import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api';

/** A receipt (受付票) of an inquiry or complaint (R29). */
export interface InquiryReceipt {
  id: number;
  receiptNumber: string;
  fiscalYear: number;
  number: number;
  receivedOn: string;
  channel: string;
  channelLabel: string;
  category: string;
  categoryLabel: string;
  summary: string;
  handler: string;
  recordedAt: string;
  /** 重大事故: tracked against the standard processing period until closed. */
  serious: boolean;
  dueOn: string | null;
  overdue: boolean;
  closedOn: string | null;
  closedBy: string | null;
  outcome: string | null;
  version: number;
}

export interface NewInquiry {
  receivedOn: string;
  channel: string;
  category: string;
  summary: string;
  serious: boolean;
}

export const CHANNELS: Record<string, string> = {
  TELEPHONE: '電話',
  COUNTER: '窓口',
  MAIL: '郵便',
  EMAIL: '電子メール',
  OTHER: 'その他',
};

export const CATEGORIES: Record<string, string> = { INQUIRY: '問い合わせ', COMPLAINT: '苦情' };

export function fetchInquiries(openSeriousOnly: boolean): Promise<InquiryReceipt[]> {
  return apiRequest<InquiryReceipt[]>(openSeriousOnly ? '/inquiries?openSerious=true' : '/inquiries');
}

export function recordInquiry(inquiry: NewInquiry): Promise<InquiryReceipt> {
  return apiRequest<InquiryReceipt>('/inquiries', { method: 'POST', body: inquiry });
}

export function closeInquiry(id: number, version: number, closedOn: string, outcome: string): Promise<InquiryReceipt> {
  return apiRequest<InquiryReceipt>(`/inquiries/${id}/close`, { method: 'POST', body: { version, closedOn, outcome } });
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const inquiriesKeys = {
  all: ['inquiries'] as const,
};

export const inquiriesQuery = (openSeriousOnly: boolean) =>
  queryOptions({
    queryKey: [...inquiriesKeys.all, 'fetchInquiries', openSeriousOnly] as const,
    queryFn: () => fetchInquiries(openSeriousOnly),
  });
