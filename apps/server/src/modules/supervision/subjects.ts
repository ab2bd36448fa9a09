import type { Permission, SupervisionSubject } from '@firebreak/contracts';
import type { Queryable } from '../../platform/db/client.js';
import { findPlace } from '../places/index.js';
import { findTaskRow } from '../tasks/index.js';
import { findUnitRow } from '../units/index.js';

export interface Subject {
  type: SupervisionSubject;
  id: string;
  name: string;
  jurisdictionPath: string;
}

/** The permission under which each kind of subject is visible at all. */
export const SEEN_WITH: Record<SupervisionSubject, Permission> = { task: 'directives:read', unit: 'units:read', place: 'places:read' };

/** The task, unit or place a visit is about, with the jurisdiction it belongs to. */
export async function findSubject(q: Queryable, type: SupervisionSubject, id: string): Promise<Subject | undefined> {
  switch (type) {
    case 'task': {
      const t = await findTaskRow(q, id);
      return t && { type, id, name: t.title, jurisdictionPath: t.jurisdictionPath };
    }
    case 'unit': {
      const u = await findUnitRow(q, id);
      return u && { type, id, name: u.callSign, jurisdictionPath: u.jurisdictionPath };
    }
    case 'place': {
      const p = await findPlace(q, id);
      return p && { type, id, name: p.name, jurisdictionPath: p.jurisdictionPath };
    }
  }
}
