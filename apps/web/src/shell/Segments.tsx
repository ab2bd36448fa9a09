import { useId } from 'react';

export interface Segment<V extends string> {
  value: V;
  label: string;
}

/**
 * One choice of a few, drawn as Mantine's SegmentedControl (size xs) but from native radio inputs: on the first screen
 * (the board's filter, the map's reach rings, the language) SegmentedControl and its FloatingIndicator were ~2 KB gzip of the first
 * load for three small switches. The browser gives the group its arrow keys, one tab stop and the radio roles; the
 * label shows the focus ring (styles.css, `.fb-segments`). Lazy screens keep Mantine's control.
 */
export function Segments<V extends string>({ label, value, onChange, data, testId }: {
  label: string;
  testId?: string;
  value: V;
  onChange: (value: V) => void;
  data: readonly Segment<V>[];
}) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={label} className="fb-segments" data-testid={testId}>
      {data.map((d) => (
        <label key={d.value} className="fb-segment" data-active={d.value === value || undefined}>
          <input type="radio" name={name} value={d.value} checked={d.value === value} onChange={() => onChange(d.value)} />
          {d.label}
        </label>
      ))}
    </div>
  );
}
