/**
 * The state of a hazard or a task at any past instant, read from its audit entries: pure, no I/O.
 * Each entry may set the state (`after.state` for hazards, `after.status` for tasks), the deadline
 * (`after.dueAt`) and the owner post (`after.ownerPostId`); between entries nothing changes.
 */
export interface Step {
  at: Date;
  after: unknown;
}

export interface Segment {
  from: Date;
  /** Exclusive; null while it lasts. */
  to: Date | null;
  state: string;
  dueAt: Date;
  owner: string | null;
}

export interface Window {
  from: Date;
  to: Date;
}

const field = (after: unknown, key: string): string | undefined => {
  const v = after && typeof after === 'object' ? (after as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
};

/** The life of a record as constant segments, from its first entry (which must set state and deadline). */
export function lifeOf(steps: readonly Step[]): Segment[] {
  const out: Segment[] = [];
  let current: Omit<Segment, 'to'> | null = null;
  for (const s of [...steps].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const state = field(s.after, 'state') ?? field(s.after, 'status');
    const due = field(s.after, 'dueAt');
    const owner = field(s.after, 'ownerPostId');
    if (!current) {
      if (!state || !due) continue;
      current = { from: s.at, state, dueAt: new Date(due), owner: owner ?? null };
      continue;
    }
    const next: Omit<Segment, 'to'> = { from: s.at, state: state ?? current.state, dueAt: due ? new Date(due) : current.dueAt, owner: owner ?? current.owner };
    if (next.state === current.state && next.dueAt.getTime() === current.dueAt.getTime() && next.owner === current.owner) continue;
    out.push({ ...current, to: s.at });
    current = next;
  }
  if (current) out.push({ ...current, to: null });
  return out;
}

export interface Presence {
  /** Some instant of the window at which it was open. */
  open: boolean;
  /** The deadline it was first past, within the window, while still owed; null if it never was. */
  overdueSince: Date | null;
  /** The segment in force at the end of the window (or the last one before, if it ended earlier). */
  atEnd: Segment | null;
  /** The last instant within the window at which it was open (for its age). */
  lastOpenAt: Date | null;
}

/**
 * How a record stood over a closed window [from, to]: whether it was open at some instant, and
 * which deadline (if any) it was past while still owed within the window. `isOpen` and `isOwed`
 * say which states count (a submitted hazard fix is open but no longer owed).
 */
export function during(life: readonly Segment[], w: Window, isOpen: (s: string) => boolean, isOwed: (s: string) => boolean): Presence {
  let open = false;
  let overdueSince: Date | null = null;
  let lastOpenAt: Date | null = null;
  let atEnd: Segment | null = null;
  for (const seg of life) {
    if (seg.from <= w.to) atEnd = seg;
    // The instants (ms, as the clock reads them) of the segment inside the window: [a, last].
    const a = seg.from > w.from ? seg.from : w.from;
    const last = seg.to !== null && seg.to <= w.to ? new Date(seg.to.getTime() - 1) : w.to;
    if (a > last) continue;
    if (isOpen(seg.state)) {
      open = true;
      lastOpenAt = last;
    }
    // Overdue at an instant t when t > dueAt (as the hazards and tasks read it): some t <= last.
    if (isOwed(seg.state) && seg.dueAt < last && overdueSince === null) overdueSince = seg.dueAt;
  }
  return { open, overdueSince, atEnd, lastOpenAt };
}
