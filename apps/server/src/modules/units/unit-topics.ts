import { TopicIds } from '../../platform/mqtt/topic-ids.js';
import { unitIdOfTopic, unitTopicHead } from './avl-payload.js';

/**
 * Known units' position topics (`<prefix>/units/<unitId>/position`), recognised on the topic's
 * bytes (`TopicIds`): a known unit's message yields the unit's one id string with no string made
 * for it (or the record the caller keeps for the unit: `V`); any other topic goes the text path
 * (`unitIdOfTopic`), which decides.
 */
export class UnitTopics<V = string> extends TopicIds<V> {
  /** `hash`: of an id's 36 bytes at an offset; tests pass a colliding one. */
  constructor(prefix: string, hash?: (bytes: Uint8Array, at: number) => number) {
    super(unitTopicHead(prefix), unitIdOfTopic, hash);
  }
}
