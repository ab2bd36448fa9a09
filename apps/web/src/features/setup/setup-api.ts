import type { OnboardKind, OnboardReport, SetupOsmReport } from '@firebreak/contracts';
import { useQuery } from '@tanstack/react-query';
import { call, fb, fileBody, rawQuery } from '../../api/http';


/** Is the deployment still to be set up (first run without the demo)? Only asked by those who could set it up. */
export const useSetupStatus = (enabled: boolean) =>
  useQuery({ queryKey: ['setup-status'], queryFn: () => call(fb.GET('/api/v1/setup/status')), enabled, staleTime: 60_000 });

export interface ExtractOptions {
  countryCode: string;
  rootName: string;
  levels: string;
}

/** The region's .osm.pbf, sent as it is: the server streams it to disk (`POST /setup/osm-import`). */
export function importExtract(file: File, opts: ExtractOptions, dryRun: boolean): Promise<SetupOsmReport> {
  const q = new URLSearchParams({ dryRun: String(dryRun) });
  if (opts.countryCode.trim()) q.set('countryCode', opts.countryCode.trim().toLowerCase());
  if (opts.rootName.trim()) q.set('rootName', opts.rootName.trim());
  if (opts.levels.trim()) q.set('levels', opts.levels.trim());
  return call(fb.POST('/api/v1/setup/osm-import', { ...rawQuery(q), ...fileBody(file, 'application/octet-stream') }));
}

/** A stations, units or staff list through the onboarding endpoint (its own dry run and refusals). */
export function onboardFile(kind: OnboardKind, file: File, dryRun: boolean): Promise<OnboardReport> {
  const geojson = /\.(geo)?json$/i.test(file.name);
  const q = new URLSearchParams({ dryRun: String(dryRun), file: file.name });
  return call(fb.POST('/api/v1/onboarding/{kind}', { params: { path: { kind } }, ...rawQuery(q), ...fileBody(file, geojson ? 'application/geo+json' : 'text/csv') }));
}
