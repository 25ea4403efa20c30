import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiDownload, apiRequest, type Download } from '../../lib/api';
import type { EligibilityStatus, ResidentStatus, Sex, VaccineEligibility } from '../../lib/residents';

export type AgeUnit = 'YEARS' | 'MONTHS';
import type { CsvEncoding } from '../../lib/csv';

/** What the cohort is made of. Sent in the request body: nothing of it goes into a URL. */
export interface CohortCriteria {
  ageUnit: AgeUnit;
  ageFrom: number | null;
  ageTo: number | null;
  districts: string[];
  sex: Sex | null;
  residentStatuses: ResidentStatus[];
  /** A routine vaccine's code; needed for statuses and doseCategory. */
  vaccine: string | null;
  statuses: EligibilityStatus[];
  /** 接種区分 of the next dose, e.g. 2期. */
  doseCategory: string | null;
}

export interface CohortRow {
  id: number;
  addresseeNumber: string;
  nameKanji: string;
  nameKana: string;
  birthDate: string;
  ageYears: number;
  ageMonths: number;
  sex: Sex;
  postalCode: string | null;
  address: string;
  district: string | null;
  residentStatus: ResidentStatus;
  /** For the chosen vaccine; null when none was chosen. */
  eligibility: VaccineEligibility | null;
  questionnaireIssuedAt: string | null;
}

export interface CohortPage {
  items: CohortRow[];
  page: number;
  size: number;
  total: number;
  /** The day ages and vaccine status are judged on. */
  asOf: string;
}

export interface OutreachOptions {
  vaccines: { code: string; name: string }[];
  districts: string[];
  maxExportRows: number;
  maxQuestionnaires: number;
  maxEvaluated: number;
}

export const EMPTY_CRITERIA: CohortCriteria = {
  ageUnit: 'YEARS',
  ageFrom: null,
  ageTo: null,
  districts: [],
  sex: null,
  residentStatuses: ['REGISTERED'],
  vaccine: null,
  statuses: [],
  doseCategory: null,
};

/** 予診票 go only to residents who may have the dose now or later in its period (the server checks the same). */
export const ISSUABLE_STATUSES: EligibilityStatus[] = ['ELIGIBLE', 'UPCOMING'];

export const COHORT_PAGE_SIZE = 50;

export function fetchOutreachOptions(): Promise<OutreachOptions> {
  return apiRequest<OutreachOptions>('/outreach/options');
}

export function searchCohort(criteria: CohortCriteria, page: number): Promise<CohortPage> {
  return apiRequest<CohortPage>('/outreach/search', {
    method: 'POST',
    body: { criteria, page, size: COHORT_PAGE_SIZE },
  });
}

/** The cohort as CSV; needs the EXPORT permission. */
export function exportCohort(criteria: CohortCriteria, encoding: CsvEncoding): Promise<Download> {
  return apiDownload('/outreach/export', { method: 'POST', body: { criteria, encoding } }, 'cohort.csv');
}

/** 予診票 for the whole cohort as one PDF; needs the PRINT permission. Every sheet is recorded. */
export function issueQuestionnaires(criteria: CohortCriteria): Promise<Download> {
  return apiDownload('/outreach/questionnaires', { method: 'POST', body: { criteria } }, 'questionnaires.pdf');
}

/** Field errors of the criteria arrive as "criteria.ageFrom" or "ageFrom"; the form knows them without the prefix. */
export function criteriaFieldErrors(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([key, message]) => [key.replace(/^criteria\./, ''), message]));
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const outreachKeys = {
  all: ['outreach'] as const,
};

export const outreachOptionsQuery = () =>
  queryOptions({
    queryKey: [...outreachKeys.all, 'fetchOutreachOptions'] as const,
    queryFn: () => fetchOutreachOptions(),
  });

/** The cohort of the criteria searched for, page by page; nothing is asked before a first search. */
export const cohortQuery = (criteria: CohortCriteria | null, page: number) =>
  queryOptions({
    queryKey: [...outreachKeys.all, 'cohort', criteria, page] as const,
    queryFn: () => searchCohort(criteria!, page),
    enabled: criteria !== null,
    // The list stays while the next page or the list after issuing 予診票 is fetched, and so does the message.
    placeholderData: keepPreviousData,
  });
