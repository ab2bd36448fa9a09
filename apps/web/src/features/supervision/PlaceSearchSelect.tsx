import { Select } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { usePlaceSearch } from './queries';
import { useJurisdictionNames } from '../../api/jurisdiction-names';
import { usePlaceName } from '../places/place-name';

/** A key place searched by name on the server as the user types (the place list is too long to load whole). */
export function PlaceSearchSelect({ label, value, onChange, error, testId, initialLabel }: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
  testId: string;
  /** How to name a place chosen before this select mounted (e.g. from the page's address). */
  initialLabel?: string | undefined;
}) {
  const { t } = useTranslation();
  const placeName = usePlaceName();
  const nameOf = useJurisdictionNames();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(value ? { value, label: initialLabel ?? value } : null);
  const found = usePlaceSearch(search);
  const data = useMemo(() => {
    const options = (found.data ?? []).map((p) => ({ value: p.id, label: `${placeName(p)} · ${t(`placeCategory.${p.category}`)} · ${nameOf(p.jurisdictionPath)}` }));
    // The chosen place stays an option while another search runs.
    return picked && !options.some((o) => o.value === picked.value) ? [picked, ...options] : options;
  }, [found.data, picked, t]);
  return (
    <Select label={label} placeholder={t('supervision.form.placeSearch')} searchable data={data} value={value} searchValue={search} onSearchChange={setSearch}
      // The server already matched the name; the label also carries category and jurisdiction.
      filter={({ options }) => options}
      onChange={(v, option) => { onChange(v); setPicked(v && option ? { value: v, label: option.label } : null); }}
      nothingFoundMessage={search.trim().length < 2 ? t('supervision.form.typeMore') : found.isFetching ? t('common.loading') : t('supervision.form.noPlace')}
      required error={error} data-testid={testId} />
  );
}
