import { Combobox, Loader, TextInput, useCombobox } from '@mantine/core';
import { forwardRef, useEffect } from 'react';

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
  onPick: (value: string) => void;
  error?: string;
}

/**
 * Free-text address with suggestions (key places, typed coordinates). The first suggestion is
 * highlighted as soon as it arrives, so Enter takes it without an arrow key; with none, Enter
 * leaves the text as typed.
 */
export const AddressField = forwardRef<HTMLInputElement, Props>(function AddressField({ label, description, value, onChange, options, loading, onPick, error }, ref) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  useEffect(() => {
    if (options.length) combobox.selectFirstOption();
    // The store's methods are stable; re-run when the suggestions change.
    // (combobox is intentionally not a dependency)
  }, [options]);

  return (
    <Combobox store={combobox} onOptionSubmit={(v) => { onPick(v); combobox.closeDropdown(); }}>
      <Combobox.Target>
        <TextInput
          ref={ref}
          label={label}
          description={description}
          value={value}
          error={error}
          rightSection={loading ? <Loader size={16} /> : null}
          onChange={(e) => {
            onChange(e.currentTarget.value);
            combobox.openDropdown();
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
