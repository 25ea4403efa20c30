import { queryOptions } from '@tanstack/react-query';
import { apiDownload, apiRequest, type Download } from '../../lib/api';
import type { CsvEncoding } from '../../lib/csv';

export interface DoseExportOptions {
  vaccines: { code: string; name: string }[];
  districts: string[];
}

/** The filter of a dose-record export: dose dates from/to (ISO), and optionally a vaccine and a district. */
export interface DoseExportFilter {
  from: string;
  to: string;
  vaccine: string;
  district: string;
}

export function fetchDoseExportOptions(): Promise<DoseExportOptions> {
  return apiRequest<DoseExportOptions>('/doses/export/options');
}

export function exportDoseRecords(filter: DoseExportFilter, encoding: CsvEncoding): Promise<Download> {
  return apiDownload(
    '/doses/export',
    {
      method: 'POST',
      body: {
        from: filter.from,
        to: filter.to,
        vaccine: filter.vaccine === '' ? null : filter.vaccine,
        district: filter.district === '' ? null : filter.district,
        encoding,
      },
    },
    '接種実績.csv',
  );
}

export const doseExportKeys = {
  all: ['dose-export'] as const,
};

export const doseExportOptionsQuery = () =>
  queryOptions({
    queryKey: [...doseExportKeys.all, 'fetchDoseExportOptions'] as const,
    queryFn: () => fetchDoseExportOptions(),
  });
