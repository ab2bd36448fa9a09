import type { LevelInfo, SetupOsmReport } from '@firebreak/contracts';
import { Alert, Badge, Button, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { ApiError } from '../../api/http';
import { levelName } from '../../api/levels';
import { importExtract, type ExtractOptions } from './setup-api';
import { PreviewMap } from './PreviewMap';
import { ProblemAlert } from './ProblemAlert';

/**
 * Step 1: the region's OSM extract → a dry run shown on the map (the tree, what was repaired, how
 * the file's admin_levels were laid onto the organisation's levels) → the import.
 */
export function ExtractStep({ levels, onImported }: { levels: readonly LevelInfo[]; onImported: (r: SetupOsmReport) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [opts, setOpts] = useState<ExtractOptions>({ countryCode: '', rootName: '', levels: '' });
  const preview = useMutation({ mutationFn: () => importExtract(file!, opts, true) });
  const run = useMutation({ mutationFn: () => importExtract(file!, opts, false), onSuccess: onImported });
  const field = (k: keyof ExtractOptions) => ({
    value: opts[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setOpts({ ...opts, [k]: e.currentTarget.value });
      preview.reset();
    },
    error: fieldError(preview.error, `query.${k}`),
  });
  return (
    <Stack>
      <Text>{t('setup.extract.intro')}</Text>
      <label>
        <Text size="sm" fw={500}>{t('setup.extract.file')}</Text>
        <input type="file" accept=".pbf,.osm.pbf" data-testid="setup-extract-file" onChange={(e) => { setFile(e.currentTarget.files?.[0] ?? null); preview.reset(); }} />
      </label>
      <Group grow align="flex-start">
        <TextInput label={t('setup.extract.countryCode')} description={t('setup.extract.countryCodeHint')} maxLength={3} {...field('countryCode')} />
        <TextInput label={t('setup.extract.rootName')} description={t('setup.extract.rootNameHint')} {...field('rootName')} />
        <TextInput label={t('setup.extract.levels')} description={t('setup.extract.levelsHint', { example: exampleLevels(levels) })} {...field('levels')} />
      </Group>
      <Group>
        <Button onClick={() => preview.mutate()} disabled={!file} loading={preview.isPending}>{t('setup.extract.preview')}</Button>
      </Group>
      {preview.isPending && <Text size="sm" c="dimmed">{t('setup.extract.reading')}</Text>}
      {preview.error && !fieldError(preview.error, 'query.levels') && !fieldError(preview.error, 'query.countryCode') && <ProblemAlert error={preview.error} />}
      {preview.data && <Summary report={preview.data} levels={levels} />}
      {preview.data && (
        <Group>
          <Button color="green" onClick={() => run.mutate()} loading={run.isPending}>{t('setup.extract.import')}</Button>
          <Text size="sm" c="dimmed">{t('setup.extract.importHint')}</Text>
        </Group>
      )}
      {run.error && <ProblemAlert error={run.error} />}
    </Stack>
  );
}

function Summary({ report, levels }: { report: SetupOsmReport; levels: readonly LevelInfo[] }) {
  const { t, i18n } = useTranslation();
  const name = (key: string) => levelName(levels, key, i18n.language) ?? t('setup.preview.unknownLevel');
  const depthOf = (path: string) => path.split('.').length - 1;
  return (
    <Stack data-testid="setup-preview">
      <Title order={4}>{t('setup.preview.title')}</Title>
      <Text>{t('setup.preview.counts', { created: report.created, updated: report.updated, places: report.keyPlaces.found })}</Text>
      {report.extractRoot && <Alert color="blue">{t('setup.preview.extractRoot', { name: report.extractRoot.name })}</Alert>}
      <PreviewMap preview={report.preview} />
      <Title order={5}>{t('setup.preview.tree')}</Title>
      <List listStyleType="none" data-testid="setup-preview-tree">
        {report.preview.map((p) => (
          <List.Item key={p.path} style={{ paddingLeft: depthOf(p.path) * 20 }}>
            {p.name} <Text span size="sm" c="dimmed">({name(p.level)})</Text>{' '}
            {p.repaired && <Badge color="orange" size="sm">{t('setup.preview.repaired')}</Badge>}
          </List.Item>
        ))}
      </List>
      {report.repaired.length > 0 && (
        <>
          <Title order={5}>{t('setup.preview.repairedTitle')}</Title>
          <Text size="sm">{t('setup.preview.repairedIntro')}</Text>
          <Table>
            <Table.Thead><Table.Tr><Table.Th>{t('setup.preview.boundary')}</Table.Th><Table.Th>{t('setup.preview.missingWays')}</Table.Th><Table.Th>{t('setup.preview.closedAlong')}</Table.Th><Table.Th>{t('setup.preview.decidedBy')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {report.repaired.map((c) => (
                <Table.Tr key={c.osmId}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.missingWays.toLocaleString(i18n.language)}</Table.Td>
                  <Table.Td>{t('setup.preview.km', { km: (c.replacedM / 1000).toLocaleString(i18n.language, { maximumFractionDigits: 1 }) })}</Table.Td>
                  <Table.Td>{t(`setup.decidedBy.${DECIDED_BY[c.decidedBy] ?? 'other'}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Title order={5}>{t('setup.preview.mapping')}</Title>
      <Table data-testid="setup-preview-mapping">
        <Table.Thead><Table.Tr><Table.Th>{t('setup.preview.adminLevel')}</Table.Th><Table.Th>{t('setup.preview.level')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {report.mapping.levels.map((l) => <Table.Tr key={l.adminLevel}><Table.Td>{l.adminLevel}</Table.Td><Table.Td>{name(l.level)}</Table.Td></Table.Tr>)}
        </Table.Tbody>
      </Table>
      {report.unmapped.length > 0 && (
        <Alert color="yellow" title={t('setup.preview.unmappedTitle')}>
          <List>{report.unmapped.map((u) => <List.Item key={u.adminLevel}>{t('setup.preview.unmapped', { adminLevel: u.adminLevel, count: u.count, names: u.names.join(', ') })}</List.Item>)}</List>
        </Alert>
      )}
      {[...report.excluded, ...report.skipped].length > 0 && (
        <Alert color="yellow" title={t('setup.preview.leftOut')}>
          <List>{[...report.excluded, ...report.skipped].map((x) => <List.Item key={x.osmId}>{x.name}: {x.reason}</List.Item>)}</List>
        </Alert>
      )}
    </Stack>
  );
}

/** clip-sides.ts's reasons, as locale keys. */
const DECIDED_BY: Record<string, string> = { closure: 'closure', 'member ring': 'memberRing', neighbours: 'neighbours', 'larger side': 'largerSide' };

function fieldError(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problem?.errors?.find((f) => f.path === path)?.message;
}

function exampleLevels(levels: readonly LevelInfo[]): string {
  return levels.slice(0, 3).map((l, i) => `${[2, 4, 6][i]}:${l.key}`).join(',');
}
