import { shortcutDisplay, type ShortcutName } from './shortcuts';

/** A key hint beside a button: the keyboard way to do the same thing. */
export function Kbd({ name }: { name: ShortcutName }) {
  return <kbd className="fb-kbd" aria-hidden>{shortcutDisplay(name)}</kbd>;
}
