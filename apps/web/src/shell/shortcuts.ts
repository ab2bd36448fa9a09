/**
 * The keyboard shortcuts, one list shared by the handlers, the on-screen hints and the help
 * dialog, so what is shown is what works.
 */
export const SHORTCUTS = {
  newIncident: { keys: 'n', label: 'shortcuts.newIncident' },
  board: { keys: 'b', label: 'shortcuts.board' },
  units: { keys: 'u', label: 'shortcuts.units' },
  hazards: { keys: 'h', label: 'shortcuts.hazards' },
  campaigns: { keys: 'c', label: 'shortcuts.campaigns' },
  directives: { keys: 'd', label: 'shortcuts.directives' },
  tasks: { keys: 't', label: 'tasks.shortcut' },
  posts: { keys: 'p', label: 'posts.shortcut' },
  reports: { keys: 'r', label: 'shortcuts.reports' },
  // A real keyboard sends key '?' (with Shift on most layouts, US "Shift+/", German "Shift+ß"), never
  // key '/': match the character typed. HELP_KEYS also takes '?' without Shift (layouts with a '?' key).
  help: { keys: 'shift+?', display: '?', label: 'shortcuts.help' },
  dispatch: { keys: 'Enter', display: 'Enter', label: 'shortcuts.dispatch' },
  submitIntake: { keys: 'mod+Enter', display: 'Ctrl+Enter', label: 'shortcuts.submitIntake' },
  priority: { keys: 'alt+1', display: 'Alt+1…4', label: 'shortcuts.priority' },
  back: { keys: 'Escape', display: 'Esc', label: 'shortcuts.back' },
  nextIncident: { keys: 'j', label: 'shortcuts.nextIncident' },
  prevIncident: { keys: 'k', label: 'shortcuts.prevIncident' },
  acceptMoveUp: { keys: 'a', label: 'shortcuts.acceptMoveUp' },
} as const satisfies Record<string, { keys: string; display?: string; label: string }>;

export type ShortcutName = keyof typeof SHORTCUTS;

/** Every key combination that opens the shortcuts: '?' as typed, with or without Shift. */
export const HELP_KEYS = [SHORTCUTS.help.keys, '?'] as const;

export function shortcutDisplay(name: ShortcutName): string {
  const s = SHORTCUTS[name] as { keys: string; display?: string };
  return s.display ?? s.keys.toUpperCase();
}
