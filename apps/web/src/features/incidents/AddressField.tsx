import { Combobox, Loader, TextInput, useCombobox } from '@mantine/core';
import { forwardRef, useEffect, useRef } from 'react';

export interface AddressOption {
  value: string;
  label: string;
}

interface Props {
  label: string;
  description: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly AddressOption[];
  loading: boolean;
  /** The suggestions for the text as typed are still to come (debounce or a request in flight). */
  pending: boolean;
  onPick: (value: string) => void;
  error?: string;
}

/**
 * Free-text address with suggestions (key places, typed coordinates). The first suggestion is
 * highlighted as soon as it arrives, so Enter takes it without an arrow key. Enter pressed before
 * the suggestions for the typed text have come takes the first of them when they come (a dispatcher
 * types and presses Enter in one movement; the point must not stay unset); with none, Enter leaves
 * the text as typed.
 */
export const AddressField = forwardRef<HTMLInputElement, Props>(function AddressField({ label, description, value, onChange, options, loading, pending, onPick, error }, ref) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const enterWaiting = useRef(false);
  const pick = (v: string) => {
    enterWaiting.current = false;
    onPick(v);
    combobox.closeDropdown();
  };
  useEffect(() => {
    if (options.length) combobox.selectFirstOption();
    if (!enterWaiting.current || pending) return;
    if (options[0]) pick(options[0].value);
    else enterWaiting.current = false;
    // The store's methods are stable; re-run when the suggestions change.
    // (combobox is intentionally not a dependency)
  }, [options, pending]);

  return (
    <Combobox store={combobox} onOptionSubmit={pick}>
      <Combobox.Target>
        <TextInput
          ref={ref}
          label={label}
          description={description}
          value={value}
          error={error}
          rightSection={loading ? <Loader size={16} /> : null}
          onChange={(e) => {
            enterWaiting.current = false;
            onChange(e.currentTarget.value);
            combobox.openDropdown();
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || !pending) return;
            // The options shown belong to an earlier text (a house number not yet typed): wait for
            // the typed text's. Unselecting runs before the combobox's own Enter, so it clicks none.
            e.preventDefault();
            combobox.resetSelectedOption();
            enterWaiting.current = true;
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          autoComplete="off"
          data-testid="intake-address"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={options.length === 0}>
        <Combobox.Options>
          {options.map((o) => (
            <Combobox.Option value={o.value} key={o.value} data-testid="address-option">{o.label}</Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
});
